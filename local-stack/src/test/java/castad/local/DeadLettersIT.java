package castad.local;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.kafka.EventDeserializer;
import castad.testsupport.KafkaProbe;
import castad.testsupport.KafkaProbe.Message;
import castad.testsupport.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * {@code ./castad dlt} against a real broker, with dead letters written by spring-kafka's own
 * {@link DeadLetterPublishingRecoverer}, as castad's services write them. Each test has a topic of its own.
 */
class DeadLettersIT {

    private static final int PARTITIONS = 3;
    private static final String LYRIC = "castad.lyric.requested";
    private static final String SONG = "castad.song.requested";
    private static final String VIDEO = "castad.video.requested";
    private static final String BLOB = "castad.blob.requested";
    private static final String CALLBACKS = "castad.provider.callbacks";
    private static final List<String> TOPICS = List.of(LYRIC, SONG, VIDEO, BLOB, CALLBACKS, "castad.pipeline.events");

    private static Admin admin;
    private static DefaultKafkaProducerFactory<Object, Object> producers;
    private static DeadLetterPublishingRecoverer recoverer;
    private static long originalOffset;

    @BeforeAll
    static void topicsAndDeadLetterPublisher() throws Exception {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        for (NewTopic topic : TOPICS.stream().flatMap(t -> Stream.of(t, t + ".dlt"))
                .map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList()) {
            try {
                admin.createTopics(List.of(topic)).all().get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(TopicExistsException.class);
            }
        }
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        // like spring-kafka's default resolver: the dead letter keeps the original's partition
        recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
                (record, failure) -> new TopicPartition(record.topic() + ".dlt", record.partition()));
    }

    @AfterAll
    static void close() {
        producers.destroy();
        admin.close();
    }

    @Test
    void listPrintsEachDeadLetterWithItsTaskTypeOriginTimeAndFailureThenACountPerTopic() {
        String first = task();
        String second = task();
        deadLetter(SONG, 0, first, "SongRequested", "Suno answered 500 for " + first);
        unreadable(SONG, 1, second, "SongRequested", "not json");
        deadLetter(SONG, 0, first, "SongRequested", "x".repeat(400));

        Run one = dlt("list", SONG);
        Run all = dlt("list");

        assertThat(one.status()).isZero();
        assertThat(one.err()).isEmpty();
        assertThat(one.lines().get(0)).matches("DLT TOPIC +PARTITION@OFFSET +KEY \\(TASK\\) +EVENT TYPE +ORIGINAL TOPIC"
                + " +DIED AT \\(UTC\\) +REPLAYED +EXCEPTION");
        String when = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
        assertThat(one.lines()).anyMatch(line -> line.matches("castad\\.song\\.requested\\.dlt +0@0 +" + first
                + " +SongRequested +castad\\.song\\.requested +" + when + " +no +.*Suno answered 500 for " + first))
                .anyMatch(line -> line.matches("castad\\.song\\.requested\\.dlt +1@0 +" + second
                        + " .* no +failed to deserialize; Unreadable SongRequested: Unrecognized token 'not'.*"))
                .anyMatch(line -> line.matches("castad\\.song\\.requested\\.dlt +0@1 +" + first + " .* no +.*x{10,}\\.\\.\\.")
                        && line.substring(line.indexOf(" no ") + 4).strip().length() == 160);
        assertThat(one.lines()).last().asString().matches("castad\\.song\\.requested\\.dlt +3 dead letters");
        assertThat(all.status()).isZero();
        assertThat(all.lines()).filteredOn(line -> line.startsWith("castad.song.requested.dlt ")).hasSize(4);
        assertThat(all.lines()).anyMatch(line -> line.matches("castad\\.song\\.requested\\.dlt +3 dead letters"))
                .anyMatch(line -> line.matches("castad\\.pipeline\\.events\\.dlt +0 dead letters"))
                .anyMatch(line -> line.matches("total +\\d+ dead letters.*"));
    }

    @Test
    void replayingOneTaskSendsOnlyItsDeadLettersWithoutTheFailureHeadersAndWithWhereTheyCameFrom() {
        String fixed = task();
        String other = task();
        String firstValue = deadLetter(LYRIC, 0, fixed, "LyricRequested", "OpenAI quota");
        deadLetter(LYRIC, 0, other, "LyricRequested", "OpenAI quota");
        String secondValue = deadLetter(LYRIC, 0, fixed, "LyricRequested", "OpenAI quota");
        long before = endOffsets(LYRIC);

        try (var probe = new KafkaProbe(List.of(LYRIC))) {
            Run replay = dlt("replay", LYRIC, "--task", fixed);

            assertThat(replay.status()).isZero();
            assertThat(replay.lines()).filteredOn(line -> line.startsWith("replayed "))
                    .hasSize(2).allMatch(line -> line.contains("task=" + fixed));
            assertThat(replay.lines()).last().isEqualTo("replayed=2 skipped=1");
            assertThat(endOffsets(LYRIC)).isEqualTo(before + 2);
            List<Message> replayed = probe.await(m -> m.header("replayedFrom") != null, 2, Duration.ofSeconds(10));
            assertThat(replayed).extracting(Message::key).containsOnly(fixed);
            assertThat(replayed).extracting(Message::value).containsExactly(firstValue, secondValue);
            assertThat(replayed).extracting(m -> m.header("replayedFrom"))
                    .containsExactly("castad.lyric.requested.dlt-0@0", "castad.lyric.requested.dlt-0@2");
            assertThat(replayed).allSatisfy(message -> {
                assertThat(message.headers()).containsEntry("eventType", "LyricRequested")
                        .containsEntry("taskId", fixed);
                assertThat(message.headers().keySet()).noneMatch(name -> name.startsWith("kafka_dlt-"));
            });
        }
    }

    @Test
    void aSecondReplaySendsNothingNewAndALaterOneOnlyWhatDiedSince() {
        String task = task();
        deadLetter(VIDEO, 2, task, "VideoRequested", "Creatomate down");
        deadLetter(VIDEO, 2, task, "VideoRequested", "Creatomate down");
        assertThat(dlt("replay", VIDEO).lines()).last().isEqualTo("replayed=2 skipped=0");
        long afterFirst = endOffsets(VIDEO);

        Run again = dlt("replay", VIDEO + ".dlt");

        assertThat(again.status()).isZero();
        assertThat(again.lines()).containsExactly("replayed=0 skipped=0");
        assertThat(endOffsets(VIDEO)).isEqualTo(afterFirst);

        deadLetter(VIDEO, 2, task, "VideoRequested", "Creatomate down again");
        Run later = dlt("replay", VIDEO);
        assertThat(later.lines()).hasSize(2);
        assertThat(later.lines().get(0)).matches("replayed  castad\\.video\\.requested\\.dlt-2@2 -> castad\\.video\\.requested-\\d@\\d+"
                + "  task=" + task + "  VideoRequested");
        assertThat(later.lines().get(1)).isEqualTo("replayed=1 skipped=0");
        assertThat(dlt("list", VIDEO).lines()).last().asString().endsWith("3 dead letters (3 replayed)");
    }

    @Test
    void aReplayWithoutTaskAfterATasksReplaySendsTheOtherTasksDeadLettersButNotThatTasksAgain() {
        String first = task();
        String second = task();
        deadLetter(BLOB, 1, second, "BlobRequested", "Blob 503");
        deadLetter(BLOB, 1, first, "BlobRequested", "Blob 503");
        deadLetter(BLOB, 1, second, "BlobRequested", "Blob 503");
        deadLetter(BLOB, 1, first, "BlobRequested", "Blob 503");
        assertThat(dlt("replay", BLOB, "--task", first).lines()).last().isEqualTo("replayed=2 skipped=2");
        assertThat(dlt("replay", BLOB, "--task=" + first).lines()).last().isEqualTo("replayed=0 skipped=4");
        long before = endOffsets(BLOB);

        Run rest = dlt("replay", BLOB);

        assertThat(rest.lines()).filteredOn(line -> line.startsWith("replayed "))
                .extracting(line -> line.substring(0, line.indexOf(" ->")))
                .containsExactly("replayed  castad.blob.requested.dlt-1@0", "replayed  castad.blob.requested.dlt-1@2");
        assertThat(rest.lines()).last().isEqualTo("replayed=2 skipped=2");
        assertThat(endOffsets(BLOB)).isEqualTo(before + 2);
        assertThat(dlt("replay", BLOB).lines()).containsExactly("replayed=0 skipped=0");
        assertThat(dlt("list", BLOB).lines()).last().asString().endsWith("4 dead letters (4 replayed)");
    }

    @Test
    void aDryRunSendsNothingAndSavesNoProgress() throws Exception {
        String task = task();
        deadLetter(CALLBACKS, 0, task, "ProviderCallback", "no such song");
        deadLetter(CALLBACKS, 0, task, "ProviderCallback", "no such song");
        long before = endOffsets(CALLBACKS);

        Run dry = dlt("replay", CALLBACKS, "--dry-run");

        assertThat(dry.status()).isZero();
        assertThat(dry.lines()).containsExactly(
                "would replay  castad.provider.callbacks.dlt-0@0 -> castad.provider.callbacks  task=" + task + "  ProviderCallback",
                "would replay  castad.provider.callbacks.dlt-0@1 -> castad.provider.callbacks  task=" + task + "  ProviderCallback",
                "dry run: would replay 2; nothing sent, progress unchanged",
                "replayed=0 skipped=0");
        assertThat(endOffsets(CALLBACKS)).isEqualTo(before);
        assertThat(admin.listConsumerGroupOffsets("castad-dlt-replay").partitionsToOffsetAndMetadata().get().keySet())
                .noneMatch(partition -> partition.topic().equals(CALLBACKS + ".dlt"));
        assertThat(dlt("replay", CALLBACKS).lines()).last().isEqualTo("replayed=2 skipped=0");
    }

    @Test
    void anUnknownTopicIsAUsageErrorThatNamesTheValidTopics() {
        Run run = dlt("replay", "castad.lyrics");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("castad dlt: unknown topic castad.lyrics; valid: ").contains(TOPICS);
        assertThat(dlt("list", "--task").status()).isEqualTo(2);
        assertThat(dlt("replay").status()).isEqualTo(2);
        assertThat(dlt("replay", LYRIC, "--task").status()).isEqualTo(2);
        assertThat(dlt("purge", LYRIC).status()).isEqualTo(2);
    }

    @Test
    void anUnreachableKafkaExitsWithOneAndSaysSo() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "127.0.0.1:" + closedPort;

        Run run = run(nowhere, Duration.ofSeconds(1), "list");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("castad dlt: Kafka is not reachable at " + nowhere + " (no answer within 1 s)");
    }

    // -------------------------------------------------------------------------------------------

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run dlt(String... args) {
        return run(TestInfrastructure.kafkaBootstrapServers(), Duration.ofSeconds(5), args);
    }

    private static Run run(String bootstrap, Duration timeout, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = new DeadLetters(bootstrap, timeout, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String task() {
        return UUID.randomUUID().toString();
    }

    /**
     * Has spring-kafka's recoverer dead-letter a record of {@code topic} with castad's headers, as a listener
     * that kept failing would; returns the value.
     */
    private static String deadLetter(String topic, int partition, String taskId, String eventType, String failure) {
        String value = "{\"taskId\":\"" + taskId + "\",\"n\":" + originalOffset + "}";
        var headers = new RecordHeaders();
        Map.of("eventId", UUID.randomUUID().toString(), "eventType", eventType, "taskId", taskId,
                        "occurredAt", "2025-01-01T00:00:00Z", "schemaVersion", "1")
                .forEach((name, text) -> headers.add(name, text.getBytes(StandardCharsets.UTF_8)));
        byte[] key = taskId.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        var record = new ConsumerRecord<Object, Object>(topic, partition, originalOffset++, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, key.length, bytes.length, key, bytes, headers, Optional.empty());
        recoverer.accept(record, new ListenerExecutionFailedException("Listener failed",
                new IllegalStateException(failure)));
        return value;
    }

    /**
     * A record castad's {@code EventDeserializer} cannot read, dead-lettered as the listener container does it:
     * spring-kafka's ErrorHandlingDeserializer keeps the failure in a header, the recoverer publishes the raw bytes.
     */
    private static void unreadable(String topic, int partition, String taskId, String eventType, String value) {
        var headers = new RecordHeaders();
        headers.add("eventType", eventType.getBytes(StandardCharsets.UTF_8));
        byte[] key = taskId.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try (var deserializer = new ErrorHandlingDeserializer<>(new EventDeserializer())) {
            assertThat(deserializer.deserialize(topic, headers, bytes)).isNull();
        }
        var record = new ConsumerRecord<Object, Object>(topic, partition, originalOffset++, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, key.length, bytes.length, key, null, headers, Optional.empty());
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(DeadLettersIT.class));
        recoverer.accept(record, failure);
    }

    private static long endOffsets(String topic) {
        try {
            var request = Stream.iterate(0, p -> p + 1).limit(PARTITIONS)
                    .collect(java.util.stream.Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
