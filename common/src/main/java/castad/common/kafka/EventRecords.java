package castad.common.kafka;

import castad.common.event.CastadEvent;
import castad.common.event.EventTypes;
import castad.common.event.Topics;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the Kafka record for an event: key = taskId, the standard headers, JSON value. */
public final class EventRecords {

    private EventRecords() {
    }

    public static ProducerRecord<String, Object> of(CastadEvent event) {
        return of(Envelope.of(event, Instant.now()));
    }

    public static ProducerRecord<String, Object> of(Envelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, EventHeaders.bytes(envelope.eventId()));
        headers.add(EventHeaders.EVENT_TYPE, EventHeaders.bytes(envelope.eventType()));
        headers.add(EventHeaders.TASK_ID, EventHeaders.bytes(envelope.key()));
        headers.add(EventHeaders.OCCURRED_AT, EventHeaders.bytes(envelope.occurredAt().toString()));
        headers.add(EventHeaders.SCHEMA_VERSION, EventHeaders.bytes(EventHeaders.CURRENT_SCHEMA_VERSION));
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
