package castad.video;

import castad.common.blob.BlobStore;
import castad.common.callback.CallbackSettings;
import castad.common.event.Topics;
import castad.common.event.VideoRequested;
import castad.common.http.ProviderGuard;
import castad.common.stage.Claim;
import castad.common.stage.Claimed;
import castad.common.stage.StageSubmissions;
import castad.common.stage.WaitingStageStore;
import castad.video.creatomate.CreatomateClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The video stage: claim the row (short transaction), read what the render is made of (short read-only
 * transaction), fill the template (cached), render with Creatomate (no transaction) and store the render id
 * at once. Then nothing waits: the webhook or the poller reports the MP4, blob-worker copies it, and the
 * stored copy completes the video ({@link VideoEvents}). A render that resilience refused (template fetch or
 * submission) hands the row back to {@code pending}; the poller's sweep drives it again.
 */
@Component
class RenderingVideos {

    static final String LISTENER_ID = "video-requests";
    private static final Logger log = LoggerFactory.getLogger(RenderingVideos.class);

    private final WaitingStageStore videoRows;
    private final VideoStore videoStore;
    private final TemplateCache templates;
    private final CreatomateClient creatomate;
    private final ProviderGuard creatomateGuard;
    private final BlobStore blobs;
    private final CallbackSettings callbacks;
    private final StageSubmissions submissions;
    private final String defaultTemplate;
    private final String instance = "video-worker-" + UUID.randomUUID();

    RenderingVideos(WaitingStageStore videoRows, VideoStore videoStore, TemplateCache templates,
                    CreatomateClient creatomate, ProviderGuard creatomateGuard, BlobStore blobs,
                    CallbackSettings callbacks, MeterRegistry meters,
                    @Value("${castad.stages.template-id:castad-default}") String defaultTemplate) {
        this.videoRows = videoRows;
        this.videoStore = videoStore;
        this.templates = templates;
        this.creatomate = creatomate;
        this.creatomateGuard = creatomateGuard;
        this.blobs = blobs;
        this.callbacks = callbacks;
        this.submissions = new StageSubmissions(videoRows, creatomateGuard.provider(), meters);
        this.defaultTemplate = defaultTemplate;
    }

    /** Paused while Creatomate's circuit is open ({@link VideoConfiguration#videoIntake}). */
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.VIDEO_REQUESTED,
            concurrency = "${castad.video.concurrency:2}")
    void on(VideoRequested command) {
        render(command.videoId());
    }

    /**
     * Runs the attempt if it is ours to run: pending, or abandoned by a claimant that died. While Creatomate's
     * circuit is open the attempt is left as it is, for the poller's sweep.
     */
    void render(long videoId) {
        if (creatomateGuard.open()) {
            log.info("Video {} left for later: Creatomate's circuit is open", videoId);
            return;
        }
        videoRows.claim(videoId, instance, id -> videoStore.input(id, defaultTemplate))
                .ifPresentOrElse(this::submit,
                        () -> log.info("Video {} is not pending (claimed, rendering or finished); nothing to do",
                                videoId));
    }

    /** Keeps this instance's claims alive while Creatomate answers them; a dead instance's claims run out. */
    @Scheduled(fixedDelayString = "${castad.stage.lease-renewal:10s}")
    void renewLeases() {
        submissions.renewLeases(instance);
    }

    private void submit(Claimed<RenderInput> claimed) {
        Claim claim = claimed.claim();
        RenderInput input = claimed.input();
        submissions.submit(claim, marks -> {
            Map<String, String> modifications = Modifications.of(templates.get(input.templateId()), input, blobs);
            return creatomate.render(input.templateId(), modifications, callbacks.creatomateUrl(claim.stageId()),
                    String.valueOf(claim.stageId()), marks);
        });
    }
}
