package castad.common.kafka;

import castad.common.event.CastadEvent;
import castad.common.tracing.TaskTraceInterceptor;
import castad.common.tracing.TaskTraces;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One poll's records, for a batch listener that only changes the database: all handled in one short transaction,
 * so that a poll costs one commit and, through the outbox, one insert per table whatever its size, and one listener
 * invocation instead of one (with its observation) per record.
 *
 * <p>A record that fails neither holds the others back nor takes them down with it: the batch's transaction is
 * rolled back and the records are handled again in order, one transaction each, up to the failing one, which goes
 * to the error handler alone as a {@link BatchListenerFailedException}: the records before it are committed, it is
 * retried (or waits out a database outage) and then dead-lettered, and the records after it are fetched again. So
 * a handler must be harmless to repeat, as every listener here already is for redeliveries (conditional updates).
 * Records the listener's deserializer left unread are passed by; one that could not be read goes to the error
 * handler once the records before it are handled, and from there to the dead letters at once.
 *
 * <p>Each record's task is on the log lines written while it is handled, and its trace is remembered for the task
 * ({@link TaskTraceInterceptor}, which does this for record listeners), so the events it causes stay in the
 * pipeline's trace.
 */
public final class EventBatches {

    private static final LogAccessor LOG = new LogAccessor(EventBatches.class);

    private final TransactionTemplate transactions;
    private final TaskTraces traces;

    public EventBatches(TransactionTemplate transactions, TaskTraces traces) {
        this.transactions = transactions;
        this.traces = traces;
    }

    public void handle(List<ConsumerRecord<String, CastadEvent>> records, EventRoutes routes) {
        int unreadable = firstUnreadable(records);
        handleReadable(unreadable < 0 ? records : records.subList(0, unreadable), routes);
        if (unreadable >= 0) {
            ConsumerRecord<String, CastadEvent> record = records.get(unreadable);
            throw new BatchListenerFailedException("Unreadable record", readFailure(record), record);
        }
    }

    private void handleReadable(List<ConsumerRecord<String, CastadEvent>> records, EventRoutes routes) {
        if (records.stream().allMatch(record -> record.value() == null)) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> records.forEach(record -> handle(record, routes)));
        } catch (RuntimeException batchFailed) {
            records.forEach(record -> handleAlone(record, routes));
        }
    }

    private void handleAlone(ConsumerRecord<String, CastadEvent> record, EventRoutes routes) {
        if (record.value() == null) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> handle(record, routes));
        } catch (RuntimeException failed) {
            throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, record);
        }
    }

    private void handle(ConsumerRecord<String, CastadEvent> record, EventRoutes routes) {
        if (record.value() == null) {
            return;
        }
        TaskTraceInterceptor.enter(traces, record);
        try {
            routes.handle(record.value(), record.headers());
        } finally {
            TaskTraceInterceptor.leave();
        }
    }

    private static int firstUnreadable(List<ConsumerRecord<String, CastadEvent>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null && !UnwantedEvents.unread(records.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static DeserializationException readFailure(ConsumerRecord<String, CastadEvent> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        return failure != null ? failure
                : new DeserializationException("Unreadable record", null, false, new IllegalStateException());
    }
}
