package castad.common.outbox;

import castad.common.event.PipelineEvent;
import castad.common.kafka.EventHeaders;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;

/** A timeline event as it was received from Kafka, with the id and time it was published under. */
public record Received<E extends PipelineEvent>(String eventId, Instant occurredAt, E event) {

    public Received {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(event, "event");
    }

    /** From the {@code eventId} and {@code occurredAt} headers every castad record carries. */
    public static <E extends PipelineEvent> Received<E> of(E event, Headers headers) {
        return new Received<>(header(headers, EventHeaders.EVENT_ID),
                Instant.parse(header(headers, EventHeaders.OCCURRED_AT)), event);
    }

    private static String header(Headers headers, String name) {
        return EventHeaders.text(headers, name).orElseThrow(() -> new IllegalArgumentException("No " + name + " header"));
    }
}
