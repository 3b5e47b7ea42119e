package castad.simulators.progress;

import java.time.Duration;

/**
 * When a simulated job was submitted, on the monotonic clock that {@link StepTimer} also schedules
 * by: a state computed from {@link #elapsed()} is never behind a step the timer has already fired.
 */
public record Stopwatch(long startNanos) {

    public static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
