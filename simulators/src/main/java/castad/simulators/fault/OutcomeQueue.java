package castad.simulators.fault;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Scripted outcomes of a simulated provider, consumed one per request, first in first out. */
public final class OutcomeQueue<T> {

    private final Queue<T> outcomes = new ConcurrentLinkedQueue<>();

    public int append(List<T> next) {
        outcomes.addAll(next);
        return outcomes.size();
    }

    public Optional<T> next() {
        return Optional.ofNullable(outcomes.poll());
    }

    public List<T> pending() {
        return List.copyOf(outcomes);
    }

    public void clear() {
        outcomes.clear();
    }
}
