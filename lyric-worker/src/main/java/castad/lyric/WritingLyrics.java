package castad.lyric;

import castad.common.http.ProviderFailure;
import castad.common.event.LyricRequested;
import castad.common.event.Topics;
import castad.lyric.openai.Lyrics;
import castad.lyric.openai.OpenAiClient;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The lyric stage: receive the command, claim the row (short transaction), ask OpenAI (no transaction, no
 * connection held), record the lyrics or the failure (short transaction + timeline event).
 */
@Component
class WritingLyrics {

    private static final Logger log = LoggerFactory.getLogger(WritingLyrics.class);

    private final LyricStore store;
    private final OpenAiClient openAi;
    private final LyricSettings settings;
    private final Clock clock;
    private final String instance = "lyric-worker-" + UUID.randomUUID();

    WritingLyrics(LyricStore store, OpenAiClient openAi, LyricSettings settings, Clock clock) {
        this.store = store;
        this.openAi = openAi;
        this.settings = settings;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.LYRIC_REQUESTED, concurrency = "${castad.lyric.concurrency:2}")
    void on(LyricRequested command) {
        store.claim(command.lyricId(), instance, clock.instant().plus(settings.lease()))
                .ifPresentOrElse(this::write,
                        () -> log.info("Lyric {} is not pending (already claimed or finished); nothing to do",
                                command.lyricId()));
    }

    private void write(LyricJob job) {
        try {
            Lyrics lyrics = openAi.complete(LyricPrompt.of(job), job.reference());
            store.complete(job, lyrics.text(), lyrics.completionId());
        } catch (ProviderFailure failure) {
            log.warn("Lyric {} of task {} failed: {} {}", job.lyricId(), job.taskId(), failure.errorCode(),
                    failure.getMessage());
            store.fail(job, failure.errorCode(), failure.getMessage());
        }
    }
}
