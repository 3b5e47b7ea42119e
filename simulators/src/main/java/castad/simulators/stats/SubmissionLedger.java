package castad.simulators.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Paid submissions to one simulated provider, keyed by our reference for the work (a stage ref, an
 * external id). A second submission under the same reference is a duplicate: something paid twice.
 * A simulator may also register named counters of its own (template fetches, say), shown and reset
 * with the rest, and counts the faults its chaos settings injected.
 */
public final class SubmissionLedger {

    private final LongAdder submissions = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<String, Long> byRef = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final FaultTally faults = new FaultTally();

    /** Records one paid submission; {@code ref} may be null or blank when the caller sent none. */
    public void record(String ref) {
        submissions.increment();
        if (ref != null && !ref.isBlank() && byRef.merge(ref, 1L, Long::sum) > 1) {
            duplicates.increment();
        }
    }

    /** A named counter shown beside the submissions in {@code /sim/stats} (from zero, at once). */
    public LongAdder counter(String name) {
        return counters.computeIfAbsent(name, unused -> new LongAdder());
    }

    /** The faults injected at random into this provider's answers, shown as {@code faults}. */
    public FaultTally faults() {
        return faults;
    }

    public SubmissionCounts counts() {
        var others = new TreeMap<String, Long>();
        counters.forEach((name, counter) -> others.put(name, counter.sum()));
        return new SubmissionCounts(submissions.sum(), duplicates.sum(), others, faults.counts());
    }

    public long submissionsFor(String ref) {
        return byRef.getOrDefault(ref, 0L);
    }

    void reset() {
        byRef.clear();
        submissions.reset();
        duplicates.reset();
        counters.values().forEach(LongAdder::reset);
        faults.reset();
    }
}
