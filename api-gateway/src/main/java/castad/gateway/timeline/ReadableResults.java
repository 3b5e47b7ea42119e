package castad.gateway.timeline;

import castad.common.blob.BlobStore;
import castad.common.event.StageCompleted;
import castad.common.kafka.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A completed stage's event says where its file is in Blob, which nobody can download without a signature;
 * a client gets the same signed URL as in its task view, on the live stream and in the replay alike.
 */
@Component
class ReadableResults {

    private static final Logger log = LoggerFactory.getLogger(ReadableResults.class);
    private static final String STAGE_COMPLETED = StageCompleted.class.getSimpleName();

    private final BlobStore blobs;

    ReadableResults(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Never throws: a stream (or every watcher of a partition) must not stop over one unsignable URL. */
    TimelineEntry of(TimelineEntry entry) {
        if (!STAGE_COMPLETED.equals(entry.eventType()) || entry.payload() == null) {
            return entry;
        }
        try {
            return signed(entry);
        } catch (RuntimeException e) {
            log.warn("Timeline event {} handed out with its unsigned resultUrl: {}", entry.eventId(), e.getMessage());
            return entry;
        }
    }

    private TimelineEntry signed(TimelineEntry entry) {
        StageCompleted completed = read(entry.payload());
        if (completed.resultUrl() == null) {
            return entry;
        }
        String signed = blobs.readUrlOf(completed.resultUrl()).orElseThrow(() ->
                new IllegalArgumentException("its resultUrl is not in castad's Blob account"));
        var readable = new StageCompleted(completed.taskId(), completed.stage(), completed.stageId(), signed);
        return new TimelineEntry(entry.eventId(), entry.eventType(), entry.occurredAt(), EventJson.write(readable));
    }

    private static StageCompleted read(String payload) {
        try {
            return EventJson.read(payload.getBytes(StandardCharsets.UTF_8), StageCompleted.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
