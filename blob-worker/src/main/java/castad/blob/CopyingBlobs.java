package castad.blob;

import castad.common.blob.StoredBlob;
import castad.common.event.BlobFailed;
import castad.common.event.BlobRequested;
import castad.common.event.BlobStored;
import castad.common.event.PipelineEvent;
import castad.common.event.Topics;
import castad.common.kafka.EventRecords;
import castad.common.tracing.TaskTraces;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * The blob stage: receive a {@link BlobRequested} command, stream the file into Blob, announce
 * {@link BlobStored} or {@link BlobFailed} on the timeline.
 *
 * <p>No outbox, on purpose: blob-worker keeps no database state, so an announcement has nothing to commit
 * together with. Instead it is sent and acknowledged by Kafka ({@code acks=all}) before the listener returns,
 * and the command's offset is committed only after that. A crash before the acknowledgement redelivers the
 * command and the copy is simply done again under the same blob name, overwriting the same blob; a crash
 * between the acknowledgement and the offset commit announces the same result twice, which every consumer of
 * the timeline tolerates. A failure of Blob Storage itself, or an announcement Kafka does not acknowledge,
 * is thrown: the Kafka error handler retries the command with backoff and finally dead-letters it.
 */
@Component
class CopyingBlobs {

    private static final Logger log = LoggerFactory.getLogger(CopyingBlobs.class);

    private final StreamingCopy copy;
    private final KafkaOperations<String, Object> kafka;
    private final BlobCopySettings settings;
    private final TaskTraces traces;

    CopyingBlobs(StreamingCopy copy, KafkaOperations<String, Object> kafka, BlobCopySettings settings,
                 TaskTraces traces) {
        this.copy = copy;
        this.kafka = kafka;
        this.settings = settings;
        this.traces = traces;
    }

    @KafkaListener(topics = Topics.BLOB_REQUESTED, concurrency = "${castad.blob-copy.concurrency:3}")
    void on(BlobRequested command) {
        announce(copied(command));
    }

    private PipelineEvent copied(BlobRequested command) {
        try {
            StoredBlob blob = copy.copy(command);
            log.info("Stored {} {} of task {} as {}/{} ({} bytes)", command.stage(), command.stageId(),
                    command.taskId(), blob.container(), blob.name(), blob.sizeBytes());
            return new BlobStored(command.taskId(), command.stage(), command.stageId(), blob.container(),
                    blob.name(), blob.sizeBytes(), blob.sha256());
        } catch (CopyFailure failure) {
            log.warn("Could not store {} {} of task {}: {} {}", command.stage(), command.stageId(),
                    command.taskId(), failure.errorCode(), failure.getMessage());
            return new BlobFailed(command.taskId(), command.stage(), command.stageId(), failure.errorCode(),
                    failure.getMessage());
        }
    }

    private void announce(PipelineEvent outcome) {
        try {
            kafka.send(EventRecords.of(outcome, traces.forTask(outcome.taskId()))).get(settings.announceTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before Kafka acknowledged " + outcome, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + outcome, e);
        }
    }
}
