package castad.song;

import castad.common.event.SongRequested;
import castad.common.stage.WaitingStageStore;
import castad.song.suno.SunoProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What Suno said of a song, by callback ({@link SongEvents}) or by poll ({@link SongConfiguration#songPoller}),
 * applied to its row; repeated reports are harmless. A failure Suno refunded (531) is submitted once more, counted in
 * {@code castad_provider_refunded_resubmissions_total{provider="suno"}}: paid once, since the first was refunded.
 */
@Component
class SunoReports {

    private static final Logger log = LoggerFactory.getLogger(SunoReports.class);

    private final WaitingStageStore songRows;
    private final Counter refundedResubmissions;

    SunoReports(WaitingStageStore songRows, MeterRegistry meters) {
        this.songRows = songRows;
        this.refundedResubmissions = Counter.builder("castad.provider.refunded.resubmissions").tag("provider", "suno")
                .description("Submissions made again because the provider refunded a failed one and asked for a new"
                        + " one: paid once")
                .register(meters);
    }

    void apply(String taskId, long songId, SunoProgress progress) {
        switch (progress.state()) {
            case READY -> songRows.sourceReady(taskId, songId, progress.audioUrl(), progress.durationSeconds(),
                    "audio/mpeg", "songs/" + taskId + "/" + songId + ".mp3");
            case FAILED -> songRows.fail(taskId, songId, progress.errorCode(), progress.errorMessage());
            case REFUNDED -> submitAgain(taskId, songId, progress);
            case WORKING -> { }
        }
    }

    private void submitAgain(String taskId, long songId, SunoProgress progress) {
        if (songRows.submitAgainAfterRefund(taskId, songId, progress.sunoTaskId(), new SongRequested(taskId, songId),
                progress.errorCode(), progress.errorMessage())) {
            afterCommit(() -> {
                refundedResubmissions.increment();
                log.info("Song {} of task {} submitted to Suno again: Suno refunded task {} ({})", songId, taskId,
                        progress.sunoTaskId(), progress.errorMessage());
            });
        }
    }

    /**
     * A callback is applied inside its batch's transaction ({@link SongEvents}), which a later record of the batch
     * may roll back before the batch is handled again record by record: only a committed resubmission counts.
     */
    private static void afterCommit(Runnable counted) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counted.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counted.run();
            }
        });
    }
}
