package castad.simulators.stats;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** One ledger per simulated provider; a provider's simulator takes its ledger with {@link #ledger}. */
@Component
public class PaidSubmissions {

    private final Map<String, SubmissionLedger> ledgers = new ConcurrentHashMap<>();

    PaidSubmissions(StatsSettings settings) {
        settings.providers().forEach(this::ledger);
    }

    public SubmissionLedger ledger(String provider) {
        return ledgers.computeIfAbsent(provider, name -> new SubmissionLedger());
    }

    Optional<SubmissionLedger> find(String provider) {
        return Optional.ofNullable(ledgers.get(provider));
    }

    Map<String, SubmissionCounts> counts() {
        var counts = new TreeMap<String, SubmissionCounts>();
        ledgers.forEach((provider, ledger) -> counts.put(provider, ledger.counts()));
        return counts;
    }

    void reset() {
        ledgers.values().forEach(SubmissionLedger::reset);
    }
}
