package castad.song;

import castad.common.http.ProviderCallRefused;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import castad.common.stage.PollTarget;
import castad.common.stage.WaitingStageStore;
import castad.song.suno.SunoClient;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The fallback when Suno's callback is late or lost, the keeper of deadlines, and the sweeper of claims
 * whose instance died and of songs left pending. Each tick claims the attempts due for a poll (one instance
 * per attempt, by pushing its next poll out in the same short transaction) and asks Suno outside any
 * transaction, takes over abandoned claims, drives stale pending songs (their claim is conditional: one
 * instance runs each), and fails attempts past their deadline. While Suno's circuit is open it neither polls
 * nor submits; deadlines still pass.
 */
@Component
class SongPoller {

    private static final Logger log = LoggerFactory.getLogger(SongPoller.class);
    static final String STAGE_TIMEOUT = "STAGE_TIMEOUT";

    private final WaitingStageStore songs;
    private final SunoClient suno;
    private final ProviderGuard sunoGuard;
    private final SingingSongs singing;
    private final SunoReports reports;
    private final SongSettings settings;

    SongPoller(WaitingStageStore songs, SunoClient suno, ProviderGuard sunoGuard, SingingSongs singing,
               SunoReports reports, SongSettings settings) {
        this.songs = songs;
        this.suno = suno;
        this.sunoGuard = sunoGuard;
        this.singing = singing;
        this.reports = reports;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${castad.song.poller-tick:1s}")
    void tick() {
        try {
            if (!sunoGuard.open()) {
                songs.claimDuePolls(settings.pollBatch(), settings.pollInterval()).forEach(this::poll);
                Stream.concat(songs.abandonedClaims(settings.pollBatch()).stream(),
                                songs.stalePending(settings.pollBatch(), settings.stalePending()).stream())
                        .takeWhile(id -> !sunoGuard.open())
                        .forEach(singing::sing);
            }
            songs.pastDeadline(settings.pollBatch()).forEach(id -> songs.fail(id, STAGE_TIMEOUT,
                    "The song did not finish within " + settings.deadline()));
        } catch (RuntimeException e) {
            log.warn("Song poller tick failed, next tick retries: {}", e.getMessage());
        }
    }

    private void poll(PollTarget target) {
        try {
            reports.apply(target.taskId(), target.stageId(), suno.progress(target.externalId()));
        } catch (ProviderFailure failure) {
            log.info("Polling song {} failed ({}); it is polled again later", target.stageId(), failure.errorCode());
        } catch (ProviderCallRefused refused) {
            log.debug("Polling song {} not done ({}); it is polled again later", target.stageId(), refused.reason());
        }
    }
}
