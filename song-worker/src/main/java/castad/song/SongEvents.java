package castad.song;

import castad.common.blob.BlobStore;
import castad.common.event.BlobFailed;
import castad.common.event.BlobStored;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.SunoCallback;
import castad.common.event.Topics;
import castad.common.kafka.EventDeserializer;
import castad.common.kafka.EventHeaders;
import castad.common.outbox.Received;
import castad.common.stage.WaitingStageStore;
import castad.song.suno.SunoReadings;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Everything song-worker reacts to besides its commands; other events on these topics are not its business. */
@Component
@KafkaListener(topics = {Topics.PIPELINE_EVENTS, Topics.PROVIDER_CALLBACKS},
        concurrency = "${castad.song.concurrency:2}",
        // the other timeline events and the other provider's callbacks are never read here
        properties = EventDeserializer.WANTED + "=StageCompleted,SunoCallback,BlobStored,BlobFailed")
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
    void audioStored(BlobStored event, @Header(EventHeaders.EVENT_ID) String eventId,
            @Header(EventHeaders.OCCURRED_AT) String occurredAt) {
        if (event.stage() == Stage.SONG) {
            songs.stored(Received.of(event, eventId, occurredAt), blobs.url(event.container(), event.blobName()));
        }
    }

    @KafkaHandler
    void audioNotStored(BlobFailed event, @Header(EventHeaders.EVENT_ID) String eventId,
            @Header(EventHeaders.OCCURRED_AT) String occurredAt) {
        if (event.stage() == Stage.SONG) {
            songs.notStored(Received.of(event, eventId, occurredAt));
        }
    }
}
