package castad.simulators.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The faults a simulator injected at random (chaos): errors, rate limits, slow answers and dropped
 * connections. Shown as {@code faults} in {@code /sim/stats} and reset with the rest.
 */
public final class FaultTally {

    private final LongAdder errors = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder slow = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    public void error() {
        errors.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void slow() {
        slow.increment();
    }

    public void dropped() {
        dropped.increment();
    }

    public FaultCounts counts() {
        return new FaultCounts(errors.sum(), rateLimited.sum(), slow.sum(), dropped.sum());
    }

    void reset() {
        errors.reset();
        rateLimited.reset();
        slow.reset();
        dropped.reset();
    }
}
