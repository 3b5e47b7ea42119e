package castad.song;

import castad.common.blob.BlobStore;
import castad.common.event.CastadEvent;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.SunoCallback;
import castad.common.event.Topics;
import castad.common.kafka.EventBatches;
import castad.common.kafka.EventDeserializer;
import castad.common.kafka.EventRoutes;
import castad.common.stage.CopyOutcomes;
import castad.common.stage.WaitingStageStore;
import castad.song.suno.SunoReadings;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Everything song-worker reacts to besides its commands, a poll at a time in one transaction ({@link EventBatches});
 * other events on these topics are not its business.
 */
@Component
class SongEvents {

    private final EventBatches batches;
    private final EventRoutes routes;

    SongEvents(EventBatches batches, SunoReports reports, WaitingStageStore songRows, SongStore songStore,
               BlobStore blobs) {
        this.batches = batches;
        // and blob-worker's word on the song's MP3: stored completes the song with it, not stored fails it
        this.routes = CopyOutcomes.routed(new EventRoutes()
                .on(StageCompleted.class, (event, headers) -> {
                    if (event.stage() == Stage.LYRIC) {
                        songStore.startAfterLyric(event.taskId(), event.stageId());
                    }
                })
                .on(SunoCallback.class, (callback, headers) -> reports.apply(callback.taskId(), callback.songId(),
                        SunoReadings.ofCallback(callback.body()))),
                Stage.SONG, songRows, blobs);
    }

    @KafkaListener(topics = {Topics.PIPELINE_EVENTS, Topics.PROVIDER_CALLBACKS}, batch = "true",
            concurrency = "${castad.song.concurrency:2}",
            // the other timeline events and the other provider's callbacks are never read here
            properties = EventDeserializer.WANTED + "=StageCompleted,SunoCallback,BlobStored,BlobFailed")
    void on(List<ConsumerRecord<String, CastadEvent>> records) {
        batches.handle(records, routes);
    }

    EventRoutes routes() {
        return routes;
    }
}
