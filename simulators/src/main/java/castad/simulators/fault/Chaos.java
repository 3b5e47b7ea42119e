package castad.simulators.fault;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;

import castad.simulators.stats.FaultTally;

/**
 * One provider's random faults: its {@link ChaosSettings}, changeable at run time, and a seeded
 * {@link Random} drawing three numbers per request (which fault, then two for its details), so the
 * same seed and the same requests in the same order give the same faults. Every fault drawn is
 * counted in the provider's {@link FaultTally}. Scripted outcomes come first: a request that takes
 * one draws nothing.
 */
public final class Chaos {

    private static final long RETRY_MIN_MS = 100;
    private static final long RETRY_SPREAD_MS = 900;

    private final FaultTally tally;
    private ChaosSettings settings;
    private Random random;

    public Chaos(ChaosSettings initial, FaultTally tally) {
        this.tally = tally;
        change(initial);
    }

    public synchronized ChaosSettings settings() {
        return settings;
    }

    /** Replaces the settings and restarts the draws from the seed (a new random one when none is given). */
    public synchronized ChaosSettings change(ChaosSettings next) {
        long seed = next.seed() != null ? next.seed() : new SecureRandom().nextLong();
        settings = next.withSeed(seed);
        random = new Random(seed);
        return settings;
    }

    /** All rates back to zero: no more faults. */
    public ChaosSettings stop() {
        return change(ChaosSettings.OFF);
    }

    public synchronized Fault draw() {
        var current = settings;
        if (current.isOff()) {
            return Fault.NONE;
        }
        double roll = random.nextDouble();
        double first = random.nextDouble();
        double second = random.nextDouble();
        double edge = current.dropRate();
        if (roll < edge) {
            tally.dropped();
            return new Fault(Fault.Kind.DROP, current.dropAfterAccept(), Duration.ZERO, null, first);
        }
        edge += current.errorRate();
        if (roll < edge) {
            tally.error();
            return new Fault(Fault.Kind.ERROR, false, Duration.ZERO, null, first);
        }
        edge += current.rateLimitRate();
        if (roll < edge) {
            tally.rateLimited();
            return new Fault(Fault.Kind.RATE_LIMIT, false, Duration.ZERO, retryAfter(current.retryAfter(), first, second),
                    first);
        }
        edge += current.slowRate();
        if (roll < edge) {
            tally.slow();
            return new Fault(Fault.Kind.SLOW, false, Duration.ofMillis(current.slowMs()), null, first);
        }
        return Fault.NONE;
    }

    /** The announced wait, 100 ms to 1 s; none when absent, or for half the draws when random. */
    private static Duration retryAfter(RetryAfter mode, double first, double second) {
        boolean present = mode == RetryAfter.PRESENT || mode == RetryAfter.RANDOM && first < 0.5;
        return present ? Duration.ofMillis(RETRY_MIN_MS + (long) (second * RETRY_SPREAD_MS)) : null;
    }
}
