package castad.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The headers every castad record carries, readable as text in Kafka UI. */
public final class EventHeaders {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String TASK_ID = "taskId";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String CURRENT_SCHEMA_VERSION = "1";

    private EventHeaders() {
    }

    public static Optional<String> text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
