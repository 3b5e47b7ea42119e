package castad.common.outbox;

import castad.common.event.PipelineEvent;
import java.time.Instant;
import java.util.Objects;

/** A timeline event as it was received from Kafka, with the id and time it was published under. */
public record Received<E extends PipelineEvent>(String eventId, Instant occurredAt, E event) {

    public Received {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(event, "event");
    }

    /** From the {@code eventId} and {@code occurredAt} headers every castad record carries. */
    public static <E extends PipelineEvent> Received<E> of(E event, String eventId, String occurredAt) {
        return new Received<>(eventId, Instant.parse(occurredAt), event);
    }
}
