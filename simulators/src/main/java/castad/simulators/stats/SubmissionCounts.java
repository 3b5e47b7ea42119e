package castad.simulators.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A provider's paid submissions, plus the extra counters its simulator registered (shown as more
 * fields beside these two, e.g. Creatomate's {@code templateFetches}).
 */
public record SubmissionCounts(long submissions, long duplicateSubmissions, @JsonIgnore Map<String, Long> others) {

    public SubmissionCounts {
        others = Collections.unmodifiableMap(new TreeMap<>(others));
    }

    public SubmissionCounts(long submissions, long duplicateSubmissions) {
        this(submissions, duplicateSubmissions, Map.of());
    }

    @JsonAnyGetter
    Map<String, Long> otherCounters() {
        return others;
    }
}
