package castad.song;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import castad.common.stage.WaitingStageStore;
import castad.song.suno.SunoProgress;
import castad.testsupport.RecordedTransactions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

class SunoReportsTest {

    private static final SunoProgress REFUNDED = new SunoProgress(SunoProgress.State.REFUNDED, null, null,
            "SUNO_CALLBACK_531", "refunded", "suno-1");

    private final WaitingStageStore songRows = mock(WaitingStageStore.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SunoReports reports = new SunoReports(songRows, meters);
    private final TransactionTemplate transactions = new TransactionTemplate(new RecordedTransactions());

    @Test
    void aRefundedSongSubmittedAgainIsCountedOnceItsTransactionCommits() {
        when(songRows.submitAgainAfterRefund(anyString(), anyLong(), anyString(), any(), anyString(), anyString()))
                .thenReturn(true);

        transactions.executeWithoutResult(status -> {
            reports.apply("task", 7, REFUNDED);
            status.setRollbackOnly(); // a later record of the batch failed
        });
        assertThat(resubmissions()).isZero();

        transactions.executeWithoutResult(status -> reports.apply("task", 7, REFUNDED));
        assertThat(resubmissions()).isEqualTo(1);

        reports.apply("task", 8, REFUNDED); // the poller: the store's own transaction has committed
        assertThat(resubmissions()).isEqualTo(2);
    }

    private double resubmissions() {
        return meters.get("castad.provider.refunded.resubmissions").tag("provider", "suno").counter().count();
    }
}
