package castad.simulators.fault;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The default delay before a simulated provider answers, changeable while the app runs. */
public final class AdjustableLatency {

    private final AtomicReference<Duration> current;

    public AdjustableLatency(Duration initial) {
        current = new AtomicReference<>(requireNonNegative(initial));
    }

    public Duration current() {
        return current.get();
    }

    public void change(Duration latency) {
        current.set(requireNonNegative(latency));
    }

    private static Duration requireNonNegative(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        return latency;
    }
}
