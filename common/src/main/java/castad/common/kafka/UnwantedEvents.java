package castad.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Skips the records a listener's {@link EventDeserializer} left unread (not among the events it
 * {@linkplain EventDeserializer#WANTED wants}) before the container does anything with them: no observation, no
 * conversion, no dispatch; their offsets are committed as handled. A record that could not be read also has no
 * value, but carries its failure in a header: that one goes on, to the error handler and the dead letters.
 */
public final class UnwantedEvents implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        return unread(record) ? null : record;
    }

    static boolean unread(ConsumerRecord<?, ?> record) {
        return record.value() == null
                && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null;
    }
}
