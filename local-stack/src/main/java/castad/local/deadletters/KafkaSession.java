package castad.local.deadletters;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients of one {@code ./castad dlt} run: an admin client (topics, replay progress), a
 * consumer without a group (assigned partitions only, never commits), and, for a replay, an idempotent
 * producer with {@code acks=all}.
 */
public final class KafkaSession implements AutoCloseable {

    /** The consumer group whose committed offsets on the dead-letter topics are the replay progress. */
    public static final String REPLAY_GROUP = "castad-dlt-replay";

    private static final String CLIENT_ID = "castad-dlt";

    private final String bootstrapServers;
    private final Duration timeout;
    private final Admin admin;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;

    private KafkaSession(String bootstrapServers, Duration timeout, Admin admin) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.admin = admin;
    }

    /**
     * Connects and checks that the cluster answers within {@code timeout}.
     *
     * @throws KafkaUnavailableException if it does not
     */
    public static KafkaSession open(String bootstrapServers, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        Admin admin;
        try {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("cannot connect to Kafka at " + bootstrapServers + ": " + message(e));
        }
        KafkaSession session = new KafkaSession(bootstrapServers, timeout, admin);
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).clusterId()
                    .get(millis + 1000L, TimeUnit.MILLISECONDS);
            return session;
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            session.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new KafkaUnavailableException("Kafka is not reachable at " + bootstrapServers + " (no answer within "
                        + timeout.toSeconds() + " s). Start it with ./castad up, or point CASTAD_KAFKA_BOOTSTRAP "
                        + "(or CASTAD_KAFKA_PORT) at a running broker.");
            }
            throw new KafkaUnavailableException("Kafka at " + bootstrapServers + " answered with an error: " + message(cause));
        }
    }

    public Set<String> topics() {
        return await(admin.listTopics().names(), "listing topics");
    }

    /** The topic's partitions in partition order. */
    List<TopicPartition> partitions(String topic) {
        return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describing " + topic).get(topic)
                .partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    /** How far earlier replays got on each partition of {@code topic}: the committed offsets of {@value #REPLAY_GROUP}. */
    Map<Integer, ReplayProgress> replayProgress(String topic) {
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin.listConsumerGroupOffsets(REPLAY_GROUP).partitionsToOffsetAndMetadata(),
                "reading the offsets of consumer group " + REPLAY_GROUP);
        Map<Integer, ReplayProgress> progress = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                progress.put(partition.partition(), ReplayProgress.of(offset));
            }
        });
        return progress;
    }

    void saveReplayProgress(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (!offsets.isEmpty()) {
            await(admin.alterConsumerGroupOffsets(REPLAY_GROUP, offsets).all(),
                    "saving the replay progress (offsets of consumer group " + REPLAY_GROUP
                            + "; is another replay running?)");
        }
    }

    /**
     * Reads each partition from {@code from} (or its beginning) up to the end offsets it has now, in offset
     * order within a partition; records written meanwhile are left for the next run.
     *
     * @return the end offsets read up to
     */
    Map<TopicPartition, Long> read(List<TopicPartition> partitions, Map<TopicPartition, Long> from,
                                   Consumer<ConsumerRecord<byte[], byte[]>> each) {
        KafkaConsumer<byte[], byte[]> reader = consumer();
        try {
            reader.assign(partitions);
            Map<TopicPartition, Long> beginning = reader.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, timeout);
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition partition : partitions) {
                long start = Math.max(beginning.get(partition), from.getOrDefault(partition, 0L));
                reader.seek(partition, start);
                if (start < end.get(partition)) {
                    open.add(partition);
                }
            }
            reader.pause(partitions.stream().filter(p -> !open.contains(p)).toList());
            long deadline = System.nanoTime() + readTimeout().toNanos();
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaUnavailableException("reading " + open + " from " + bootstrapServers
                            + " did not reach the end within " + readTimeout().toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
                List<TopicPartition> done = open.stream()
                        .filter(p -> reader.position(p, timeout) >= end.get(p)).toList();
                done.forEach(open::remove);
                reader.pause(done);
            }
            return end;
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("reading " + partitions.get(0).topic() + " from " + bootstrapServers
                    + " failed: " + message(e));
        } finally {
            reader.unsubscribe();
        }
    }

    KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) readTimeout().toMillis(),
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) readTimeout().toMillis()),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    /** Reading a whole topic, or delivering a replay, may take longer than one request. */
    private Duration readTimeout() {
        return timeout.multipliedBy(6);
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException(what + " at " + bootstrapServers + " failed: " + message(e.getCause()));
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException(what + ": no answer from " + bootstrapServers + " within "
                    + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(what + ": interrupted");
        }
    }

    static String message(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        Duration grace = Duration.ofSeconds(2);
        if (producer != null) {
            producer.close(grace);
        }
        if (consumer != null) {
            consumer.close(grace);
        }
        admin.close(grace);
    }
}
