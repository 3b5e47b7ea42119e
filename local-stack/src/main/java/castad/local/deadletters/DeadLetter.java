package castad.local.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of a {@code .dlt} topic as the operator sees it. spring-kafka's
 * {@code DeadLetterPublishingRecoverer} wrote it: the original key, value and headers, plus
 * {@code kafka_dlt-*} headers that say where it came from and why it failed.
 */
record DeadLetter(String topic, int partition, long offset, String key, String eventType, String originalTopic,
                  Instant diedAt, String failure) {

    /** Headers spring-kafka adds when it dead-letters a record. */
    static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
    static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
    private static final String CAUSED_BY = "Caused by: ";
    /** Headers of spring-kafka's ErrorHandlingDeserializer (springDeserializerExceptionKey / ...Value). */
    static final String DESERIALIZER_EXCEPTION_PREFIX = "springDeserializerException";
    /** castad's own header naming the event record (EventHeaders.EVENT_TYPE). */
    static final String EVENT_TYPE = "eventType";
    /** Added to a replayed record: {@code <dlt topic>-<partition>@<offset>} it was replayed from. */
    static final String REPLAYED_FROM = "replayedFrom";

    static final int FAILURE_WIDTH = 160;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), keyOf(record),
                text(headers, EVENT_TYPE).orElse(null), originalTopicOf(record),
                Instant.ofEpochMilli(record.timestamp()), failureOf(headers));
    }

    static String keyOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** The {@code kafka_dlt-original-topic} header, else the dead-letter topic's name without {@code .dlt}. */
    static String originalTopicOf(ConsumerRecord<byte[], byte[]> record) {
        return text(record.headers(), ORIGINAL_TOPIC).filter(topic -> !topic.isBlank())
                .orElseGet(() -> DeadLetterTopics.originalOf(record.topic()));
    }

    static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /**
     * The exception message and, if it does not say it already, the message of its cause (for an unreadable
     * record spring-kafka's message is just "failed to deserialize"; the stack trace header has the cause),
     * on one line, cut to {@value #FAILURE_WIDTH} characters; the exception's class if there is no message.
     */
    static String failureOf(Headers headers) {
        String message = text(headers, EXCEPTION_MESSAGE).map(DeadLetter::oneLine).orElse("");
        String cause = text(headers, EXCEPTION_STACKTRACE).flatMap(DeadLetter::firstCause).map(DeadLetter::oneLine)
                .orElse("");
        String failure = message.isEmpty() ? cause
                : cause.isEmpty() || message.contains(cause) ? message
                : message + "; " + cause;
        if (failure.isEmpty()) {
            failure = text(headers, EXCEPTION_CAUSE_FQCN).or(() -> text(headers, EXCEPTION_FQCN)).orElse("-");
        }
        return failure.length() <= FAILURE_WIDTH ? failure : failure.substring(0, FAILURE_WIDTH - 3) + "...";
    }

    /** The message of the first {@code Caused by: <class>: <message>} line of a stack trace. */
    private static Optional<String> firstCause(String stackTrace) {
        return stackTrace.lines()
                .filter(line -> line.startsWith(CAUSED_BY))
                .findFirst()
                .map(line -> line.substring(CAUSED_BY.length()))
                .map(line -> line.indexOf(": ") < 0 ? "" : line.substring(line.indexOf(": ") + 2));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    String position() {
        return partition + "@" + offset;
    }

    /** {@code castad.lyric.requested.dlt-2@7}: the value of the {@value #REPLAYED_FROM} header. */
    String address() {
        return topic + "-" + position();
    }

    String diedAtText() {
        return WHEN.format(diedAt);
    }
}
