package castad.video;

import castad.common.blob.BlobStore;
import castad.common.event.BlobFailed;
import castad.common.event.BlobStored;
import castad.common.event.CreatomateCallback;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.Topics;
import castad.common.kafka.EventDeserializer;
import castad.common.kafka.EventHeaders;
import castad.common.outbox.Received;
import castad.common.stage.WaitingStageStore;
import castad.video.creatomate.CreatomateWire;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Everything video-worker reacts to besides its commands; other events on these topics are not its business. */
@Component
@KafkaListener(topics = {Topics.PIPELINE_EVENTS, Topics.PROVIDER_CALLBACKS},
        concurrency = "${castad.video.concurrency:2}",
        // the other timeline events and the other provider's callbacks are never read here
        properties = EventDeserializer.WANTED + "=StageCompleted,CreatomateCallback,BlobStored,BlobFailed")
class VideoEvents {

    private final WaitingStageStore videos;
    private final VideoStore store;
    private final BlobStore blobs;

    VideoEvents(WaitingStageStore videos, VideoStore store, BlobStore blobs) {
        this.videos = videos;
        this.store = store;
        this.blobs = blobs;
    }

    @KafkaHandler
    void songCompleted(StageCompleted event) {
        if (event.stage() == Stage.SONG) {
            store.startAfterSong(event.taskId(), event.stageId());
        }
    }

    @KafkaHandler
    void creatomateWebhook(CreatomateCallback callback) {
        RenderingVideos.apply(videos, callback.taskId(), callback.videoId(), CreatomateWire.progressOf(callback.body()));
    }

    @KafkaHandler
    void videoStored(BlobStored event, @Header(EventHeaders.EVENT_ID) String eventId,
            @Header(EventHeaders.OCCURRED_AT) String occurredAt) {
        if (event.stage() == Stage.VIDEO) {
            videos.stored(Received.of(event, eventId, occurredAt), blobs.url(event.container(), event.blobName()));
        }
    }

    @KafkaHandler
    void videoNotStored(BlobFailed event, @Header(EventHeaders.EVENT_ID) String eventId,
            @Header(EventHeaders.OCCURRED_AT) String occurredAt) {
        if (event.stage() == Stage.VIDEO) {
            videos.notStored(Received.of(event, eventId, occurredAt));
        }
    }
}
