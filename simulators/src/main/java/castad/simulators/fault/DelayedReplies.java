package castad.simulators.fault;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Answers after a delay without holding a servlet thread: the reply is computed by a timer thread
 * when the delay is over (so a paid call is counted even if the client gave up waiting).
 */
@Component
public class DelayedReplies implements DisposableBean {

    private static final long GRACE_MILLIS = 60_000;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemonThreads());

    public <T> DeferredResult<T> after(Duration delay, Supplier<T> reply) {
        var result = new DeferredResult<T>(delay.toMillis() + GRACE_MILLIS);
        if (delay.isZero()) {
            complete(result, reply);
        } else {
            timer.schedule(() -> complete(result, reply), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return result;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    private static <T> void complete(DeferredResult<T> result, Supplier<T> reply) {
        try {
            result.setResult(reply.get());
        } catch (RuntimeException e) {
            result.setErrorResult(e);
        }
    }

    private static CustomizableThreadFactory daemonThreads() {
        var threads = new CustomizableThreadFactory("simulated-latency-");
        threads.setDaemon(true);
        return threads;
    }
}
