package castad.simulators.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the steps of simulated jobs (callbacks, webhooks) when they are due, in due order, on one daemon
 * thread: a step only hands its request to the asynchronous HTTP client, so one thread keeps up, and two
 * steps due close together (text, then first) can never overtake each other.
 */
@Component
public class StepTimer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StepTimer.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads());

    public void after(Duration delay, Runnable step) {
        timer.schedule(() -> runSafely(step), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    private static void runSafely(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("A simulated step failed", e);
        }
    }

    private static CustomizableThreadFactory daemonThreads() {
        var threads = new CustomizableThreadFactory("simulated-steps-");
        threads.setDaemon(true);
        return threads;
    }
}
