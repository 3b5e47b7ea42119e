package castad.common.tracing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * The trace each task's pipeline runs in, as a W3C {@code traceparent}: every event about a task carries it, so that
 * one pipeline is one trace across the gateway and the workers.
 *
 * <p>Kafka listeners continue the trace of the record they handle, but some of a pipeline's steps start where no
 * trace is current: a provider's webhook, a poll on the poller's thread, OpenAI's answer on the HTTP client's thread.
 * Each instance therefore remembers the trace of every task it has seen an event of (for two hours) and gives an
 * event the current span when that span is in the task's trace, the task's remembered trace otherwise.
 */
public class TaskTraces {

    public static final String HEADER = "traceparent";

    private static final Pattern TRACE_PARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern TRACE_ID = Pattern.compile("(?!0{32})[0-9a-f]{32}");
    private static final int TASKS_KEPT = 100_000;

    /** Looked up once: {@link ObjectProvider#getIfAvailable} asks the bean factory on every call. */
    private final SingletonSupplier<Tracer> tracer;
    private final Cache<String, String> byTask = Caffeine.newBuilder()
            .maximumSize(TASKS_KEPT)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    public TaskTraces(ObjectProvider<Tracer> tracer) {
        this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
    }

    /** The {@code traceparent} an event about this task carries; null when tracing is off and none is known. */
    public String forTask(String taskId) {
        String current = current();
        String known = byTask.getIfPresent(taskId);
        if (known == null) {
            if (current != null) {
                byTask.put(taskId, current);
            }
            return current;
        }
        return current != null && traceId(current).equals(traceId(known)) ? current : known;
    }

    /** What a record about the task arrived with: the latest trace of the task wins (a restarted pipeline). */
    public void remember(String taskId, String traceParent) {
        if (taskId != null && traceParent != null && TRACE_PARENT.matcher(traceParent).matches()) {
            byTask.put(taskId, traceParent);
        }
    }

    static String traceId(String traceParent) {
        return traceParent.substring(3, 35);
    }

    private String current() {
        Tracer available = tracer.get();
        Span span = available == null ? null : available.currentSpan();
        // an unsampled span is not recorded (isNoop) but still has the trace's ids, which the event passes on
        TraceContext context = span == null ? null : span.context();
        if (context == null || !TRACE_ID.matcher(String.valueOf(context.traceId())).matches()) {
            return null;
        }
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
