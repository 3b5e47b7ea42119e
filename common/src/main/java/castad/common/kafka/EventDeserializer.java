package castad.common.kafka;

import castad.common.event.CastadEvent;
import castad.common.event.EventTypes;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the record named by its {@code eventType} header. Anything it cannot read (no header, an unknown
 * type, not JSON, a missing field) fails here, so that the error handler sends it to the dead-letter topic.
 *
 * <p>A listener that acts on a few of a topic's event types names them in its consumer property
 * {@value #WANTED} (comma-separated); the others are never read: their value is {@code null}, and
 * {@link UnwantedEvents} skips them before the container does anything else with them. (A worker
 * reading the whole timeline to act on three of its thirteen events per pipeline spent most of its Kafka
 * time on the ten.)
 */
public class EventDeserializer implements Deserializer<CastadEvent> {

    /** The consumer property that lists the event types a listener acts on; absent: all of them. */
    public static final String WANTED = "castad.events.wanted";

    private Set<String> wanted = Set.of();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object names = configs.get(WANTED);
        if (names == null) {
            return;
        }
        wanted = Arrays.stream(names.toString().split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        wanted.stream().filter(name -> EventTypes.classOf(name).isEmpty()).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException(WANTED + ": no event type " + name);
        });
    }

    @Override
    public CastadEvent deserialize(String topic, byte[] data) {
        throw new SerializationException("castad events need their headers: no eventType on " + topic);
    }

    @Override
    public CastadEvent deserialize(String topic, Headers headers, byte[] data) {
        String eventType = EventHeaders.text(headers, EventHeaders.EVENT_TYPE)
                .orElseThrow(() -> new SerializationException("Missing header " + EventHeaders.EVENT_TYPE));
        if (!wanted.isEmpty() && !wanted.contains(eventType)) {
            return null;
        }
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
