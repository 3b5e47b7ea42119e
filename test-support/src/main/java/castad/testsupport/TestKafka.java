package castad.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for one test JVM: Testcontainers' Kafka where a Docker engine exists, otherwise
 * spring-kafka-test's embedded KRaft broker (the only kind that starts on a machine without Docker).
 */
final class TestKafka {

    private static final String IMAGE = "apache/kafka:3.9.1";

    private final String bootstrapServers;
    private final String kind;

    private TestKafka(String bootstrapServers, String kind) {
        this.bootstrapServers = bootstrapServers;
        this.kind = kind;
    }

    static TestKafka start() {
        return dockerAvailable() ? container() : embedded();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestKafka container() {
        var container = new KafkaContainer(IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new TestKafka(container.getBootstrapServers(), "testcontainers " + IMAGE);
    }

    private static TestKafka embedded() {
        var broker = new EmbeddedKafkaKraftBroker(1, 6)
                .brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "true"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return new TestKafka(broker.getBrokersAsString(), "embedded KRaft broker");
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String kind() {
        return kind;
    }
}
