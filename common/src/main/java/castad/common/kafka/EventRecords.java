package castad.common.kafka;

import castad.common.event.CastadEvent;
import castad.common.event.EventTypes;
import castad.common.event.Topics;
import castad.common.tracing.TaskTraces;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the Kafka record for an event: key = taskId, the standard headers (the task's trace among them), JSON value. */
public final class EventRecords {

    private EventRecords() {
    }

    public static ProducerRecord<String, Object> of(CastadEvent event) {
        return of(Envelope.of(event, Instant.now()), null);
    }

    /** @param traceParent the W3C {@code traceparent} of the task's trace ({@link TaskTraces}); null: none */
    public static ProducerRecord<String, Object> of(CastadEvent event, String traceParent) {
        return of(Envelope.of(event, Instant.now()), traceParent);
    }

    public static ProducerRecord<String, Object> of(Envelope envelope, String traceParent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, EventHeaders.bytes(envelope.eventId()));
        headers.add(EventHeaders.EVENT_TYPE, EventHeaders.bytes(envelope.eventType()));
        headers.add(EventHeaders.TASK_ID, EventHeaders.bytes(envelope.key()));
        headers.add(EventHeaders.OCCURRED_AT, EventHeaders.bytes(envelope.occurredAt().toString()));
        headers.add(EventHeaders.SCHEMA_VERSION, EventHeaders.bytes(EventHeaders.CURRENT_SCHEMA_VERSION));
        if (traceParent != null) {
            headers.add(TaskTraces.HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        return new ProducerRecord<>(envelope.topic(), null, envelope.key(), envelope.payload(), headers);
    }

    /** An event ready to send: what the outbox stores, one row per envelope. */
    public record Envelope(String eventId, String topic, String key, String eventType, String payload,
                           Instant occurredAt) {

        public static Envelope of(CastadEvent event, Instant occurredAt) {
            return new Envelope(UUID.randomUUID().toString(), Topics.of(event), event.taskId(),
                    EventTypes.nameOf(event), EventJson.write(event), occurredAt);
        }
    }
}
