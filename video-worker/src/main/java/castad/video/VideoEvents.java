package castad.video;

import castad.common.blob.BlobStore;
import castad.common.event.CastadEvent;
import castad.common.event.CreatomateCallback;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.Topics;
import castad.common.kafka.EventBatches;
import castad.common.kafka.EventDeserializer;
import castad.common.kafka.EventRoutes;
import castad.common.stage.CopyOutcomes;
import castad.common.stage.WaitingStageStore;
import castad.video.creatomate.CreatomateWire;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Everything video-worker reacts to besides its commands, a poll at a time in one transaction
 * ({@link EventBatches}); other events on these topics are not its business.
 */
@Component
class VideoEvents {

    private final EventBatches batches;
    private final EventRoutes routes;

    VideoEvents(EventBatches batches, CreatomateReports reports, WaitingStageStore videoRows, VideoStore videoStore,
                BlobStore blobs) {
        this.batches = batches;
        // and blob-worker's word on the video's MP4: stored completes the video with it, not stored fails it
        this.routes = CopyOutcomes.routed(new EventRoutes()
                .on(StageCompleted.class, (event, headers) -> {
                    if (event.stage() == Stage.SONG) {
                        videoStore.startAfterSong(event.taskId(), event.stageId());
                    }
                })
                .on(CreatomateCallback.class, (callback, headers) -> reports.apply(callback.taskId(), callback.videoId(),
                        CreatomateWire.progressOf(callback.body()))),
                Stage.VIDEO, videoRows, blobs);
    }

    @KafkaListener(topics = {Topics.PIPELINE_EVENTS, Topics.PROVIDER_CALLBACKS}, batch = "true",
            concurrency = "${castad.video.concurrency:2}",
            // the other timeline events and the other provider's callbacks are never read here
            properties = EventDeserializer.WANTED + "=StageCompleted,CreatomateCallback,BlobStored,BlobFailed")
    void on(List<ConsumerRecord<String, CastadEvent>> records) {
        batches.handle(records, routes);
    }

    EventRoutes routes() {
        return routes;
    }
}
