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
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The lyric stage: receive the command, claim the row (short transaction), ask OpenAI (no transaction, no
 * connection held, and no thread: the listener returns once the request is on its way, and the answer is
 * recorded when it comes), record the lyrics or the failure (short transaction + timeline event). The claim
 * and its lease make this safe: an instance that dies with calls in flight leaves leases that run out, and
 * another instance takes the lyrics over. A call that resilience refused hands the row back to
 * {@code pending}; the sweeper drives it again.
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
    /** Records OpenAI's answers (short transactions), off the HTTP client's threads. */
    private final ExecutorService results = resultThreads();
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

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
        LiveClaims.Held held = live.hold(job.lyricId());
        CompletableFuture<Void> recorded;
        try {
            recorded = openAi.complete(LyricPrompt.of(job), job.reference(), store.marks(job))
                    .handleAsync((lyrics, failure) -> record(job, lyrics, failure), results)
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        inFlight.add(recorded);
        recorded.whenComplete((ignored, failure) -> {
            held.close();
            inFlight.remove(recorded);
            if (failure != null) {
                log.warn("Recording lyric {} of task {} failed; its lease runs out and the sweeper takes it over: {}",
                        job.lyricId(), job.taskId(), failure.getMessage());
            }
        });
    }

    /** On a results thread, once OpenAI answered, failed for good, or the call was refused. */
    private Void record(LyricJob job, Lyrics lyrics, Throwable failed) {
        Throwable failure = failed == null ? null : ProviderGuard.unwrapped(failed);
        if (failure == null) {
            if (store.complete(job, lyrics.text(), lyrics.completionId()) && job.predecessorMayHavePaid()) {
                resubmissions.increment();
                log.warn("Lyric {} of task {} written again after a claimant died between asking OpenAI and "
                        + "recording the answer: OpenAI may have been paid twice", job.lyricId(), job.taskId());
            }
        } else if (failure instanceof ProviderFailure provider && provider.retryable()) {
            store.retryLater(job);
            log.warn("Lyric {} of task {} pending again, retried within {}: OpenAI kept failing ({} {})",
                    job.lyricId(), job.taskId(), settings.stalePending(), provider.errorCode(), provider.getMessage());
        } else if (failure instanceof ProviderFailure provider) {
            log.warn("Lyric {} of task {} failed: {} {}", job.lyricId(), job.taskId(), provider.errorCode(),
                    provider.getMessage());
            store.fail(job, provider.errorCode(), provider.getMessage());
        } else if (failure instanceof ProviderCallRefused refused) {
            store.release(job);
            log.info("Lyric {} of task {} handed back, pending again: OpenAI not called ({})", job.lyricId(),
                    job.taskId(), refused.reason());
        } else {
            throw new CompletionException(failure);
        }
        return null;
    }

    /**
     * A clean stop lets the calls in flight finish and be recorded (a few seconds for most), so that no
     * other instance has to take them over and ask OpenAI again.
     */
    @PreDestroy
    void finishCallsInFlight() throws InterruptedException {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Stopping with {} lyric calls unfinished; their leases run out and another instance takes "
                    + "them over", inFlight.size());
        } finally {
            results.shutdown();
            results.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static ExecutorService resultThreads() {
        var threads = new CustomizableThreadFactory("lyric-results-");
        threads.setDaemon(true);
        return Executors.newFixedThreadPool(2, threads);
    }
}
