package castad.blob;

import static castad.blob.SourceServer.file;
import static castad.blob.SourceServer.redirect;
import static castad.blob.SourceServer.stallingAfter;
import static castad.blob.SourceServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castad.common.blob.BlobSettings;
import castad.common.event.BlobFailed;
import castad.common.event.BlobRequested;
import castad.common.event.BlobStored;
import castad.common.event.PipelineEvent;
import castad.common.event.Stage;
import castad.common.event.Topics;
import castad.common.kafka.EventJson;
import castad.common.kafka.EventRecords;
import castad.testsupport.InfrastructureTest;
import castad.testsupport.KafkaProbe.Message;
import castad.testsupport.KafkaProbe;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

@SpringBootTest(properties = {
        "castad.blob-copy.max-bytes=6291456",
        "castad.blob-copy.read-timeout=2s",
        "castad.blob-copy.retry.initial-backoff=50ms",
        "castad.blob-copy.retry.max-backoff=200ms",
        "castad.kafka.retry-interval=50ms",
        "spring.kafka.consumer.heartbeat-interval=300ms"}) // rebalances (two at start) finish sooner
class BlobCopyIT extends InfrastructureTest {

    private static final byte[] SONG = payload(5 << 20, 1);
    private static final byte[] TOO_LARGE = payload(7 << 20, 2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static SourceServer source;
    private static KafkaProbe timeline;

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    BlobServiceClient blobService;
    @Autowired
    BlobSettings blobSettings;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void start() {
        source = new SourceServer();
        timeline = new KafkaProbe(List.of(Topics.PIPELINE_EVENTS));
    }

    /** The group's first rebalances (cooperative: all to one thread, then a hand-over) happen here, not in a test. */
    @BeforeEach
    void everyListenerThreadOwnsItsPartitions() {
        await().atMost(TIMEOUT).until(() -> listeners.getListenerContainers().stream()
                .flatMap(container -> ((ConcurrentMessageListenerContainer<?, ?>) container).getContainers().stream())
                .allMatch(thread -> thread.getAssignedPartitions() != null && !thread.getAssignedPartitions().isEmpty()));
    }

    @AfterAll
    static void stop() {
        timeline.close();
        source.close();
    }

    @Test
    void aFileIsStreamedIntoBlobWithItsBytesHashAndContentTypeAndAnnouncedAsStored() {
        Copy copy = copyOf("/song.mp3", file(SONG, true));

        BlobStored stored = announced(copy, BlobStored.class);

        assertThat(stored).isEqualTo(new BlobStored(copy.taskId(), Stage.SONG, copy.stageId(),
                blobSettings.mediaContainer(), copy.blobName(), SONG.length, sha256(SONG)));
        assertThat(download(copy)).isEqualTo(SONG);
        assertThat(media().getBlobClient(copy.blobName()).getProperties().getContentType()).isEqualTo("audio/mpeg");
    }

    @Test
    void aFileOfUnknownLengthIsStreamedJustTheSame() {
        Copy copy = copyOf("/song.mp3", file(SONG, false));

        BlobStored stored = announced(copy, BlobStored.class);

        assertThat(stored.sizeBytes()).isEqualTo(SONG.length);
        assertThat(stored.sha256()).isEqualTo(sha256(SONG));
        assertThat(sha256(download(copy))).isEqualTo(sha256(SONG));
    }

    /** A declared length sizes the upload's buffer (BlobStore.blockSize): each side of its edges stored whole. */
    @Test
    void filesDeclaringTheirLengthBelowOneBlockAreStoredWhole() {
        List<byte[]> files = IntStream.of(1, 8_332, 65_535, 65_536, 65_537, 200_000, (4 << 20) - 1)
                .mapToObj(size -> payload(size, size)).toList();
        List<Copy> copies = files.stream().map(bytes -> copyOf("/song.mp3", file(bytes, true))).toList();

        for (int i = 0; i < files.size(); i++) {
            BlobStored stored = announced(copies.get(i), BlobStored.class);
            assertThat(stored.sizeBytes()).isEqualTo(files.get(i).length);
            assertThat(stored.sha256()).isEqualTo(sha256(files.get(i)));
            assertThat(download(copies.get(i))).isEqualTo(files.get(i));
        }
    }

    @Test
    void aRedeliveredCommandOverwritesTheSameBlobAndNeverCreatesASecond() {
        Copy copy = copyOf("/song.mp3", file(SONG, true));
        request(copy);

        List<Message> events = timeline.forTask(copy.taskId(), 2);

        assertThat(events).extracting(m -> m.header("eventType")).containsExactly("BlobStored", "BlobStored");
        assertThat(media().listBlobs(new ListBlobsOptions().setPrefix(copy.taskId() + "/"), null))
                .extracting(item -> item.getName()).containsExactly(copy.blobName());
        assertThat(download(copy)).isEqualTo(SONG);
        assertThat(source.hits(copy.path())).isEqualTo(2);
    }

    @Test
    void providerAnswersPointingAtLoopbackPrivateOrMetadataAddressesAreRefusedWithoutARequest() {
        String path = "/" + UUID.randomUUID() + "/song.mp3";
        source.on(path, file(SONG, true));
        Copy offList = copyFrom(source.url("127.0.0.2", path));
        Copy privateNetwork = copyFrom("http://10.0.0.1/renders/video.mp4");
        Copy metadata = copyFrom("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
        Copy redirected = copyOf("/to-metadata.mp3", redirect("http://169.254.169.254/latest/meta-data/"));

        for (Copy refused : List.of(offList, privateNetwork, metadata, redirected)) {
            assertThat(announced(refused, BlobFailed.class).errorCode()).isEqualTo("BLOB_SOURCE_REFUSED");
            assertThat(media().getBlobClient(refused.blobName()).exists()).isFalse();
        }
        assertThat(source.hits(path)).isZero();
        assertThat(source.hits(redirected.path())).as("only the redirect itself was fetched").isEqualTo(1);
    }

    @Test
    void aRedirectIsFollowedOnlyToAHostThePolicyAllows() {
        String target = "/" + UUID.randomUUID() + "/song.mp3";
        source.on(target, file(SONG, true));
        Copy allowed = copyOf("/moved.mp3", redirect(target));
        Copy refused = copyOf("/moved.mp3", redirect(source.url("127.0.0.2", target + "?from=refused")));

        assertThat(announced(allowed, BlobStored.class).sha256()).isEqualTo(sha256(SONG));
        BlobFailed failed = announced(refused, BlobFailed.class);
        assertThat(failed.errorCode()).isEqualTo("BLOB_SOURCE_REFUSED");
        assertThat(source.hits(target)).as("only the allowed redirect reached the file").isEqualTo(1);
    }

    @Test
    void aMissingFileFailsAsGoneAndAForbiddenOneAsRejectedBothWithoutRetry() {
        Copy missing = copyOf("/song.mp3", status(404));
        Copy forbidden = copyOf("/song.mp3", status(403));

        assertThat(announced(missing, BlobFailed.class).errorCode()).isEqualTo("BLOB_SOURCE_GONE");
        assertThat(announced(forbidden, BlobFailed.class).errorCode()).isEqualTo("BLOB_SOURCE_REJECTED");
        assertThat(source.hits(missing.path())).isEqualTo(1);
        assertThat(source.hits(forbidden.path())).isEqualTo(1);
    }

    @Test
    void aFileOverTheCapFailsAsTooLargeAndLeavesNoBlobWhetherItDeclaresItsLengthOrNot() {
        Copy declared = copyOf("/song.mp3", file(SONG, true));
        announced(declared, BlobStored.class);
        Copy undeclared = copyOf("/song.mp3", file(SONG, true));
        announced(undeclared, BlobStored.class);

        Copy declaredTooLarge = overwrite(declared, "/too-large.mp3", file(TOO_LARGE, true));
        Copy streamedTooLarge = overwrite(undeclared, "/too-large.mp3", file(TOO_LARGE, false));

        for (Copy copy : List.of(declaredTooLarge, streamedTooLarge)) {
            BlobFailed failed = (BlobFailed) timeline.forTask(copy.taskId(), 2).stream().skip(1)
                    .map(BlobCopyIT::event).findFirst().orElseThrow();
            assertThat(failed.errorCode()).isEqualTo("BLOB_TOO_LARGE");
            assertThat(media().getBlobClient(copy.blobName()).exists()).as(copy.blobName()).isFalse();
            assertThat(source.hits(copy.path())).as("not retried").isEqualTo(1);
        }
    }

    @Test
    void aSourceThatFailsTwiceWithServiceUnavailableIsFetchedAgainUntilStored() {
        Copy copy = copyOf("/song.mp3", status(503), status(503), file(SONG, true));

        assertThat(announced(copy, BlobStored.class).sha256()).isEqualTo(sha256(SONG));
        assertThat(source.hits(copy.path())).isEqualTo(3);
    }

    @Test
    void aSourceThatKeepsFailingFailsAsUnavailableAfterTheLastAttempt() {
        Copy copy = copyOf("/song.mp3", status(500));

        assertThat(announced(copy, BlobFailed.class).errorCode()).isEqualTo("BLOB_SOURCE_UNAVAILABLE");
        assertThat(source.hits(copy.path())).isEqualTo(3);
    }

    @Test
    void aSourceThatGoesSilentMidFileIsAbandonedAfterTheReadTimeoutAndFetchedAgain() {
        Copy copy = copyOf("/song.mp3", stallingAfter(SONG, 1 << 20), file(SONG, true));

        BlobStored stored = announced(copy, BlobStored.class);

        assertThat(stored.sha256()).isEqualTo(sha256(SONG));
        assertThat(download(copy)).isEqualTo(SONG);
        assertThat(source.hits(copy.path())).isEqualTo(2);
    }

    @Test
    void aBlobStorageFailureIsNotAnnouncedButRetriedByKafkaAndThenDeadLettered() {
        String taskId = UUID.randomUUID().toString();
        String path = "/" + taskId + "/tiny.mp3";
        source.on(path, file(new byte[] {1, 2, 3}, true));
        Copy failing = new Copy(taskId, 7, path, taskId + "/song.mp3");
        BlobClient blob = media().getBlobClient(failing.blobName());
        blob.upload(BinaryData.fromBytes(new byte[] {0}));
        BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(blob).buildClient();
        lease.acquireLease(-1); // from now on Blob Storage refuses every write without the lease id: 412
        try (var deadLetters = new KafkaProbe(List.of(Topics.deadLetter(Topics.BLOB_REQUESTED)))) {
            request(failing);

            Message dead = deadLetters.await(m -> taskId.equals(m.key()), 1, TIMEOUT).get(0);

            assertThat(dead.header("eventType")).isEqualTo("BlobRequested");
            assertThat(dead.header("kafka_dlt-exception-stacktrace")).contains("LeaseIdMissing");
        } finally {
            lease.releaseLease();
        }
        assertThat(source.hits(path)).as("the first delivery and the error handler's 4 retries").isEqualTo(5);
        Copy next = new Copy(taskId, 8, path, failing.blobName()); // same task, same partition: it comes after
        request(next);
        assertThat(timeline.forTask(taskId, 1)).extracting(BlobCopyIT::event)
                .singleElement().isInstanceOfSatisfying(BlobStored.class,
                        stored -> assertThat(stored.stageId()).isEqualTo(8));
    }

    /** A new task whose song is served at its own path by the given script. */
    private Copy copyOf(String file, SourceServer.Response... script) {
        String taskId = UUID.randomUUID().toString();
        Copy copy = new Copy(taskId, 1, "/" + taskId + file, taskId + "/song.mp3");
        source.on(copy.path(), script);
        request(copy, source.url(copy.path()));
        return copy;
    }

    private Copy copyFrom(String url) {
        String taskId = UUID.randomUUID().toString();
        Copy copy = new Copy(taskId, 1, null, taskId + "/song.mp3");
        request(copy, url);
        return copy;
    }

    /** Another attempt of the same task and blob name, from another file. */
    private Copy overwrite(Copy earlier, String file, SourceServer.Response... script) {
        Copy copy = new Copy(earlier.taskId(), earlier.stageId() + 1, "/" + earlier.taskId() + file, earlier.blobName());
        source.on(copy.path(), script);
        request(copy, source.url(copy.path()));
        return copy;
    }

    private void request(Copy copy) {
        request(copy, source.url(copy.path()));
    }

    private void request(Copy copy, String url) {
        kafka.send(EventRecords.of(new BlobRequested(copy.taskId(), Stage.SONG, copy.stageId(), url, "audio/mpeg",
                copy.blobName())));
    }

    private <T extends PipelineEvent> T announced(Copy copy, Class<T> type) {
        Message message = timeline.forTask(copy.taskId(), 1).get(0);
        assertThat(message.header("eventType")).isEqualTo(type.getSimpleName());
        return type.cast(event(message));
    }

    private static PipelineEvent event(Message message) {
        try {
            var type = message.header("eventType").equals("BlobStored") ? BlobStored.class : BlobFailed.class;
            return EventJson.read(message.value().getBytes(StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] download(Copy copy) {
        return media().getBlobClient(copy.blobName()).downloadContent().toBytes();
    }

    private BlobContainerClient media() {
        return blobService.getBlobContainerClient(blobSettings.mediaContainer());
    }

    private static byte[] payload(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One BlobRequested: the task, the stage attempt, where the source serves it, and the blob's name. */
    record Copy(String taskId, long stageId, String path, String blobName) {
    }
}
