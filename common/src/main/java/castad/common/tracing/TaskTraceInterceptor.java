package castad.common.tracing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Before a listener handles a record: the record's task on every log line written meanwhile ({@code taskId} in the
 * MDC, beside the tracer's {@code traceId}), and its trace remembered for the task ({@link TaskTraces}).
 */
public class TaskTraceInterceptor implements RecordInterceptor<Object, Object> {

    public static final String TASK_ID = "taskId";

    private final TaskTraces traces;

    public TaskTraceInterceptor(TaskTraces traces) {
        this.traces = traces;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        enter(traces, record);
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        leave();
    }

    /** What this interceptor does before a record, for a batch listener that handles its records one by one. */
    public static void enter(TaskTraces traces, ConsumerRecord<?, ?> record) {
        if (record.key() instanceof String taskId) {
            MDC.put(TASK_ID, taskId);
            Header traceParent = record.headers().lastHeader(TaskTraces.HEADER);
            if (traceParent != null) {
                traces.remember(taskId, new String(traceParent.value(), StandardCharsets.US_ASCII));
            }
        }
    }

    public static void leave() {
        MDC.remove(TASK_ID);
    }
}
