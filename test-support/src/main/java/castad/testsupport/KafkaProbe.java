package castad.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Reads (from the beginning) and writes topics the way Kafka UI would, as text, for assertions. */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<Message> seen = new ArrayList<>();

    public KafkaProbe(Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(topics);
    }

    /** Waits until the messages matching {@code filter} number {@code count}, and returns them in arrival order. */
    public List<Message> await(Predicate<Message> filter, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    poll();
                    return matching(filter).size() >= count;
                });
        return matching(filter);
    }

    /** Polls until the probe's partitions are assigned: from then on, a poll sees what was published. */
    public KafkaProbe assigned() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    poll();
                    return !consumer.assignment().isEmpty();
                });
        return this;
    }

    /** What arrived for {@code taskId} so far, after one more poll. */
    public List<Message> seenForTask(String taskId) {
        poll();
        return matching(message -> taskId.equals(message.key()));
    }

    public List<Message> forTask(String taskId, int count) {
        return await(message -> taskId.equals(message.key()), count, Duration.ofSeconds(30));
    }

    private void poll() {
        StreamSupport.stream(consumer.poll(Duration.ofMillis(100)).spliterator(), false)
                .map(Message::of).forEach(seen::add);
    }

    private List<Message> matching(Predicate<Message> filter) {
        return seen.stream().filter(filter).toList();
    }

    public static void send(String topic, String key, String value, Map<String, String> headers) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
            producer.flush();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    public record Message(String topic, String key, String value, Map<String, String> headers) {

        static Message of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = StreamSupport.stream(record.headers().spliterator(), false)
                    .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8),
                            (first, last) -> last));
            return new Message(record.topic(), record.key(), record.value(), headers);
        }

        public String header(String name) {
            return headers.get(name);
        }
    }
}
