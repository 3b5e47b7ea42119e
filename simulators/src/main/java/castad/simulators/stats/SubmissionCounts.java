package castad.simulators.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A provider's paid submissions, plus the extra counters its simulator registered (shown as more
 * fields beside these two, e.g. Creatomate's {@code templateFetches}), then the {@code faults} its
 * chaos settings injected.
 */
public record SubmissionCounts(long submissions, long duplicateSubmissions, @JsonIgnore Map<String, Long> others,
                               @JsonIgnore FaultCounts faults) {

    public SubmissionCounts {
        others = Collections.unmodifiableMap(new TreeMap<>(others));
    }

    public SubmissionCounts(long submissions, long duplicateSubmissions, Map<String, Long> others) {
        this(submissions, duplicateSubmissions, others, FaultCounts.NONE);
    }

    public SubmissionCounts(long submissions, long duplicateSubmissions) {
        this(submissions, duplicateSubmissions, Map.of(), FaultCounts.NONE);
    }

    /** The registered counters, then {@code faults} last, so the fields shown before stay in their order. */
    @JsonAnyGetter
    Map<String, Object> otherCounters() {
        var shown = new LinkedHashMap<String, Object>(others);
        shown.put("faults", faults);
        return shown;
    }
}
