package castad.simulators.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Paid submissions to one simulated provider, keyed by our reference for the work (a stage ref, an
 * external id). A second submission under the same reference is a duplicate: something paid twice.
 */
public final class SubmissionLedger {

    private final LongAdder submissions = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<String, Long> byRef = new ConcurrentHashMap<>();

    /** Records one paid submission; {@code ref} may be null or blank when the caller sent none. */
    public void record(String ref) {
        submissions.increment();
        if (ref != null && !ref.isBlank() && byRef.merge(ref, 1L, Long::sum) > 1) {
            duplicates.increment();
        }
    }

    public SubmissionCounts counts() {
        return new SubmissionCounts(submissions.sum(), duplicates.sum());
    }

    public long submissionsFor(String ref) {
        return byRef.getOrDefault(ref, 0L);
    }

    void reset() {
        byRef.clear();
        submissions.reset();
        duplicates.reset();
    }
}
