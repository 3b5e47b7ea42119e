package castad.local.deadletters;

/** Kafka did not answer, or refused what was asked; the message says which and what to do. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message) {
        super(message);
    }
}
