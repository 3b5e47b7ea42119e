package castad.song;

import castad.common.blob.BlobStore;
import castad.common.blob.StoredBlob;
import castad.common.event.BlobFailed;
import castad.common.event.BlobStored;
import castad.common.event.CastadEvent;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.SunoCallback;
import castad.common.event.Topics;
import castad.common.stage.WaitingStageStore;
import castad.song.suno.SunoReadings;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Everything song-worker reacts to besides its commands; other events on these topics are not its business. */
@Component
@KafkaListener(topics = {Topics.PIPELINE_EVENTS, Topics.PROVIDER_CALLBACKS},
        concurrency = "${castad.song.concurrency:2}")
class SongEvents {

    private final WaitingStageStore songs;
    private final SongStore store;
    private final BlobStore blobs;

    SongEvents(WaitingStageStore songs, SongStore store, BlobStore blobs) {
        this.songs = songs;
        this.store = store;
        this.blobs = blobs;
    }

    @KafkaHandler
    void lyricCompleted(StageCompleted event) {
        if (event.stage() == Stage.LYRIC) {
            store.startAfterLyric(event.taskId(), event.stageId());
        }
    }

    @KafkaHandler
    void sunoCallback(SunoCallback callback) {
        SingingSongs.apply(songs, callback.taskId(), callback.songId(), SunoReadings.ofCallback(callback.body()));
    }

    @KafkaHandler
    void audioStored(BlobStored event) {
        if (event.stage() == Stage.SONG) {
            songs.complete(event.stageId(), new StoredBlob(event.container(), event.blobName(),
                    blobs.url(event.container(), event.blobName()), event.sizeBytes(), event.sha256()));
        }
    }

    @KafkaHandler
    void audioNotStored(BlobFailed event) {
        if (event.stage() == Stage.SONG) {
            songs.fail(event.stageId(), event.errorCode(), event.errorMessage());
        }
    }

    @KafkaHandler(isDefault = true)
    void ignore(CastadEvent other) {
        // the timeline and other providers' callbacks carry much that is not about songs
    }
}
