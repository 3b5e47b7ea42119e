package castad.simulators.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SubmissionLedgerTest {

    @Test
    void countsConcurrentSubmissionsExactly() throws Exception {
        var ledger = new SubmissionLedger();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = IntStream.range(0, 8).<Callable<Void>>mapToObj(thread -> () -> {
                for (int i = 0; i < 1_000; i++) {
                    ledger.record("ref-" + i);
                    ledger.record(null);
                }
                return null;
            }).toList();
            for (var done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(ledger.counts()).isEqualTo(new SubmissionCounts(16_000, 7_000));
        assertThat(ledger.submissionsFor("ref-999")).isEqualTo(8);
    }

    @Test
    void treatsABlankReferenceLikeNone() {
        var ledger = new SubmissionLedger();

        ledger.record(" ");
        ledger.record(" ");

        assertThat(ledger.counts()).isEqualTo(new SubmissionCounts(2, 0));
    }

    @Test
    void showsItsNamedCountersBesideTheSubmissionsAndResetsThemToZero() {
        var ledger = new SubmissionLedger();
        ledger.counter("templateFetches").increment();
        ledger.counter("templateFetches").increment();
        ledger.record("video-1");

        assertThat(ledger.counts()).isEqualTo(new SubmissionCounts(1, 0, Map.of("templateFetches", 2L)));
        ledger.reset();
        assertThat(ledger.counts()).isEqualTo(new SubmissionCounts(0, 0, Map.of("templateFetches", 0L)));
    }
}
