package castad.video;

import castad.common.http.ProviderCallRefused;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import castad.common.stage.PollTarget;
import castad.common.stage.WaitingStageStore;
import castad.video.creatomate.CreatomateClient;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The fallback when Creatomate's webhook is late or lost, the deadline keeper and the sweeper of abandoned
 * claims and stale pending videos; while Creatomate's circuit is open it neither polls nor renders (see
 * SongPoller).
 */
@Component
class VideoPoller {

    private static final Logger log = LoggerFactory.getLogger(VideoPoller.class);

    private final WaitingStageStore videos;
    private final CreatomateClient creatomate;
    private final ProviderGuard creatomateGuard;
    private final RenderingVideos rendering;
    private final VideoSettings settings;

    VideoPoller(WaitingStageStore videos, CreatomateClient creatomate, ProviderGuard creatomateGuard,
                RenderingVideos rendering, VideoSettings settings) {
        this.videos = videos;
        this.creatomate = creatomate;
        this.creatomateGuard = creatomateGuard;
        this.rendering = rendering;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${castad.video.poller-tick:1s}")
    void tick() {
        try {
            if (!creatomateGuard.open()) {
                videos.claimDuePolls(settings.pollBatch(), settings.pollInterval()).forEach(this::poll);
                Stream.concat(videos.abandonedClaims(settings.pollBatch()).stream(),
                                videos.stalePending(settings.pollBatch(), settings.stalePending()).stream())
                        .takeWhile(id -> !creatomateGuard.open())
                        .forEach(rendering::render);
            }
            videos.pastDeadline(settings.pollBatch()).forEach(id -> videos.fail(id, "STAGE_TIMEOUT",
                    "The video did not finish within " + settings.deadline()));
        } catch (RuntimeException e) {
            log.warn("Video poller tick failed, next tick retries: {}", e.getMessage());
        }
    }

    private void poll(PollTarget target) {
        try {
            RenderingVideos.apply(videos, target.taskId(), target.stageId(), creatomate.progress(target.externalId()));
        } catch (ProviderFailure failure) {
            log.info("Polling video {} failed ({}); it is polled again later", target.stageId(), failure.errorCode());
        } catch (ProviderCallRefused refused) {
            log.debug("Polling video {} not done ({}); it is polled again later", target.stageId(), refused.reason());
        }
    }
}
