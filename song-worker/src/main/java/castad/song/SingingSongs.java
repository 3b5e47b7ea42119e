package castad.song;

import castad.common.callback.CallbackSettings;
import castad.common.event.SongRequested;
import castad.common.event.Topics;
import castad.common.http.ProviderGuard;
import castad.common.stage.Claimed;
import castad.common.stage.StageSubmissions;
import castad.common.stage.WaitingStageStore;
import castad.song.suno.SunoClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The song stage: claim the row (short transaction), submit to Suno (no transaction), store Suno's id at
 * once. Then nothing waits: Suno's callback or the poller reports the audio, blob-worker copies it, and the
 * stored copy completes the song ({@link SongEvents}). A submission that resilience refused hands the row
 * back to {@code pending}; the poller's sweep drives it again.
 */
@Component
class SingingSongs {

    static final String LISTENER_ID = "song-requests";
    private static final Logger log = LoggerFactory.getLogger(SingingSongs.class);

    private final WaitingStageStore songRows;
    private final SongStore songStore;
    private final SunoClient suno;
    private final ProviderGuard sunoGuard;
    private final CallbackSettings callbacks;
    private final StageSubmissions submissions;
    private final String instance = "song-worker-" + UUID.randomUUID();

    SingingSongs(WaitingStageStore songRows, SongStore songStore, SunoClient suno, ProviderGuard sunoGuard,
                 CallbackSettings callbacks, MeterRegistry meters) {
        this.songRows = songRows;
        this.songStore = songStore;
        this.suno = suno;
        this.sunoGuard = sunoGuard;
        this.callbacks = callbacks;
        this.submissions = new StageSubmissions(songRows, sunoGuard.provider(), meters);
    }

    /** Paused while Suno's circuit is open ({@link SongConfiguration#songIntake}). */
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.SONG_REQUESTED,
            concurrency = "${castad.song.concurrency:2}")
    void on(SongRequested command) {
        sing(command.songId());
    }

    /**
     * Runs the attempt if it is ours to run: pending, or abandoned by a claimant that died. While Suno's
     * circuit is open the attempt is left as it is, for the poller's sweep.
     */
    void sing(long songId) {
        if (sunoGuard.open()) {
            log.info("Song {} left for later: Suno's circuit is open", songId);
            return;
        }
        songRows.claim(songId, instance, songStore::input)
                .ifPresentOrElse(this::submit,
                        () -> log.info("Song {} is not pending (claimed, submitted or finished); nothing to do", songId));
    }

    /** Keeps this instance's claims alive while Suno answers them; a dead instance's claims run out. */
    @Scheduled(fixedDelayString = "${castad.stage.lease-renewal:10s}")
    void renewLeases() {
        submissions.renewLeases(instance);
    }

    private void submit(Claimed<SongStore.SongInput> claimed) {
        SongStore.SongInput input = claimed.input();
        long songId = claimed.claim().stageId();
        submissions.submit(claimed.claim(), marks -> suno.generate(input.lyrics(), input.style(), input.title(),
                callbacks.sunoUrl(songId), marks));
    }
}
