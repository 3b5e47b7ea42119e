package castad.lyric;

import castad.common.event.LyricRequested;
import castad.common.event.Topics;
import castad.common.http.ProviderCallRefused;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import castad.common.stage.LiveClaims;
import castad.common.stage.StageSubmissions;
import castad.lyric.openai.Lyrics;
import castad.lyric.openai.OpenAiClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The lyric stage: receive the command, claim the row (short transaction), ask OpenAI (no transaction, no
 * connection held), record the lyrics or the failure (short transaction + timeline event). A call that
 * resilience refused hands the row back to {@code pending}; the sweeper drives it again.
 */
@Component
class WritingLyrics {

    static final String LISTENER_ID = "lyric-requests";
    private static final Logger log = LoggerFactory.getLogger(WritingLyrics.class);
    private static final int SWEEP_BATCH = 20;
    static final String STAGE_TIMEOUT = "STAGE_TIMEOUT";

    private final LyricStore store;
    private final OpenAiClient openAi;
    private final ProviderGuard openAiGuard;
    private final LyricSettings settings;
    private final Counter resubmissions;
    private final String instance = "lyric-worker-" + UUID.randomUUID();
    private final LiveClaims live = new LiveClaims();

    WritingLyrics(LyricStore store, OpenAiClient openAi, ProviderGuard openAiGuard, LyricSettings settings,
                  MeterRegistry meters) {
        this.store = store;
        this.openAi = openAi;
        this.openAiGuard = openAiGuard;
        this.settings = settings;
        this.resubmissions = StageSubmissions.resubmissionsCounter(meters, "openai");
    }

    /** Paused while OpenAI's circuit is open ({@link LyricIntakeConfiguration}). */
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.LYRIC_REQUESTED,
            concurrency = "${castad.lyric.concurrency:2}")
    void on(LyricRequested command) {
        write(command.lyricId());
    }

    /**
     * Writes the lyric if it is ours to write: pending, or abandoned by a claimant that died mid-call. While
     * OpenAI's circuit is open the lyric is left pending, unclaimed, for the sweeper.
     */
    void write(long lyricId) {
        if (openAiGuard.open()) {
            log.info("Lyric {} left pending: OpenAI's circuit is open", lyricId);
            return;
        }
        store.claim(lyricId, instance, settings.lease(), settings.deadline())
                .ifPresentOrElse(this::write,
                        () -> log.info("Lyric {} is not pending (already claimed or finished); nothing to do", lyricId));
    }

    /**
     * Every few seconds: take over the claims of instances that died while OpenAI was answering them, and
     * drive lyrics left pending (handed back after a refused call, or dead-lettered). Nothing is taken while
     * OpenAI's circuit is open.
     */
    @Scheduled(fixedDelayString = "${castad.lyric.sweep-interval:5s}")
    void sweepAbandonedClaims() {
        try {
            store.pastDeadline(SWEEP_BATCH).forEach(id -> store.timeOut(id, STAGE_TIMEOUT,
                    "The lyric did not finish within " + settings.deadline()));
            if (openAiGuard.open()) {
                return;
            }
            Stream.concat(store.abandonedClaims(SWEEP_BATCH).stream(),
                            store.stalePending(SWEEP_BATCH, settings.stalePending()).stream())
                    .takeWhile(id -> !openAiGuard.open())
                    .forEach(this::write);
        } catch (RuntimeException e) {
            log.warn("Lyric sweep failed, the next one retries: {}", e.getMessage());
        }
    }

    /** Keeps this instance's claims alive while OpenAI answers them; a dead instance's claims run out. */
    @Scheduled(fixedDelayString = "${castad.stage.lease-renewal:10s}")
    void renewLeases() {
        try {
            store.renewLeases(instance, settings.lease(), live);
        } catch (RuntimeException e) {
            log.warn("Renewing lyric leases failed, the next round retries: {}", e.getMessage());
        }
    }

    private void write(LyricJob job) {
        if (job.takeover()) {
            log.info("Lyric {} taken over from a claimant that died ({}): asking OpenAI", job.lyricId(),
                    job.predecessorMayHavePaid() ? "it may have sent its request" : "it sent nothing");
        }
        try (var held = live.hold(job.lyricId())) {
            Lyrics lyrics = openAi.complete(LyricPrompt.of(job), job.reference(), store.marks(job));
            if (store.complete(job, lyrics.text(), lyrics.completionId()) && job.predecessorMayHavePaid()) {
                resubmissions.increment();
                log.warn("Lyric {} of task {} written again after a claimant died between asking OpenAI and "
                        + "recording the answer: OpenAI may have been paid twice", job.lyricId(), job.taskId());
            }
        } catch (ProviderFailure failure) {
            if (failure.retryable()) {
                store.retryLater(job);
                log.warn("Lyric {} of task {} pending again, retried within {}: OpenAI kept failing ({} {})",
                        job.lyricId(), job.taskId(), settings.stalePending(), failure.errorCode(), failure.getMessage());
            } else {
                log.warn("Lyric {} of task {} failed: {} {}", job.lyricId(), job.taskId(), failure.errorCode(),
                        failure.getMessage());
                store.fail(job, failure.errorCode(), failure.getMessage());
            }
        } catch (ProviderCallRefused refused) {
            store.release(job);
            log.info("Lyric {} of task {} handed back, pending again: OpenAI not called ({})", job.lyricId(),
                    job.taskId(), refused.reason());
        }
    }
}
