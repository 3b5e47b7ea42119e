package castad.common.kafka;

import castad.common.event.CastadEvent;
import castad.common.event.EventTypes;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the record named by its {@code eventType} header. Anything it cannot read (no header, an unknown
 * type, not JSON, a missing field) fails here, so that the error handler sends it to the dead-letter topic.
 */
public class EventDeserializer implements Deserializer<CastadEvent> {

    @Override
    public CastadEvent deserialize(String topic, byte[] data) {
        throw new SerializationException("castad events need their headers: no eventType on " + topic);
    }

    @Override
    public CastadEvent deserialize(String topic, Headers headers, byte[] data) {
        String eventType = EventHeaders.text(headers, EventHeaders.EVENT_TYPE)
                .orElseThrow(() -> new SerializationException("Missing header " + EventHeaders.EVENT_TYPE));
        Class<? extends CastadEvent> type = EventTypes.classOf(eventType)
                .orElseThrow(() -> new SerializationException("Unknown eventType " + eventType));
        if (data == null) {
            throw new SerializationException("Empty payload for " + eventType);
        }
        try {
            return EventJson.read(data, type);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Unreadable " + eventType + ": " + e.getMessage(), e);
        }
    }
}
