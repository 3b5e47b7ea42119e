package castad.common.kafka;

import castad.common.event.CastadEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes events as JSON. Raw bytes pass through unchanged: that is how the outbox relay sends the JSON
 * it stored and how a dead letter keeps the exact bytes that could not be read.
 */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof CastadEvent event) {
            return EventJson.write(event).getBytes(StandardCharsets.UTF_8);
        }
        throw new SerializationException("Not a castad event: " + data.getClass().getName());
    }
}
