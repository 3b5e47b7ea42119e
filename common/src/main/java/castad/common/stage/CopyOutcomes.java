package castad.common.stage;

import castad.common.blob.BlobStore;
import castad.common.event.BlobFailed;
import castad.common.event.BlobStored;
import castad.common.event.Stage;
import castad.common.kafka.EventRoutes;
import castad.common.outbox.Received;

/** What blob-worker reports of a waiting stage's file: stored completes the stage with it, not stored fails it. */
public final class CopyOutcomes {

    private CopyOutcomes() {
    }

    /** Adds the routes of {@code stage}'s copies, to {@code rows}, to a listener's {@code routes}. */
    public static EventRoutes routed(EventRoutes routes, Stage stage, WaitingStageStore rows, BlobStore blobs) {
        return routes
                .on(BlobStored.class, (event, headers) -> {
                    if (event.stage() == stage) {
                        rows.stored(Received.of(event, headers), blobs.url(event.container(), event.blobName()));
                    }
                })
                .on(BlobFailed.class, (event, headers) -> {
                    if (event.stage() == stage) {
                        rows.notStored(Received.of(event, headers));
                    }
                });
    }
}
