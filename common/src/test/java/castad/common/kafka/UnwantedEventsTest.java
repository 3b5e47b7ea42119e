package castad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.SerializationUtils;

class UnwantedEventsTest {

    private final UnwantedEvents unwanted = new UnwantedEvents();

    @Test
    void aRecordLeftUnreadIsSkippedBeforeTheListener() {
        assertThat(unwanted.intercept(record(null), null)).isNull();
    }

    @Test
    void aRecordThatCouldNotBeReadGoesOnToTheErrorHandler() {
        ConsumerRecord<Object, Object> unreadable = record(null);
        unreadable.headers().add(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new byte[] {1});

        assertThat(unwanted.intercept(unreadable, null)).isSameAs(unreadable);
    }

    @Test
    void anEventTheListenerWantsGoesOn() {
        ConsumerRecord<Object, Object> wanted = record("an event");

        assertThat(unwanted.intercept(wanted, null)).isSameAs(wanted);
    }

    private static ConsumerRecord<Object, Object> record(Object value) {
        return new ConsumerRecord<>("castad.pipeline.events", 0, 0L, "task", value);
    }
}
