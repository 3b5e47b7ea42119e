package castad.simulators.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The states a simulated job goes through and when each begins, counted from its submission.
 * The state at any moment is computed, never stored, so no thread has to sleep or push it along.
 */
public final class Timeline<S> {

    private final List<Step<S>> steps;

    private Timeline(List<Step<S>> steps) {
        this.steps = List.copyOf(steps);
    }

    public static <S> Timeline<S> startingAs(S initial) {
        return new Timeline<>(List.of(new Step<>(Duration.ZERO, initial)));
    }

    /** A copy that turns to {@code state} at {@code at}; steps must be added in time order. */
    public Timeline<S> then(Duration at, S state) {
        if (at.compareTo(steps.get(steps.size() - 1).at()) < 0) {
            throw new IllegalArgumentException("step " + state + " at " + at + " is before the previous step");
        }
        var next = new ArrayList<>(steps);
        next.add(new Step<>(at, state));
        return new Timeline<>(next);
    }

    public S stateAt(Duration elapsed) {
        var current = steps.get(0).state();
        for (var step : steps) {
            if (step.at().compareTo(elapsed) <= 0) {
                current = step.state();
            }
        }
        return current;
    }

    /** Every step after the initial state: what a provider announces by callback. */
    public List<Step<S>> changes() {
        return steps.subList(1, steps.size());
    }

    public record Step<S>(Duration at, S state) {
    }
}
