package castad.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shared test base: real Kafka, MariaDB and Azurite, each started once per test JVM on first use
 * and stopped when the JVM exits. Tests and in-process services get their coordinates as Spring
 * properties from {@link #properties()}.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private TestInfrastructure() {
    }

    public static String kafkaBootstrapServers() {
        return Kafka.INSTANCE.bootstrapServers();
    }

    public static String jdbcUrl() {
        return Database.INSTANCE.jdbcUrl();
    }

    public static String blobConnectionString() {
        return Blob.INSTANCE.connectionString();
    }

    /** Spring properties that point a castad service at this JVM's infrastructure. */
    public static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", "root");
        properties.put("spring.datasource.password", "");
        properties.put("castad.blob.connection-string", blobConnectionString());
        properties.put("spring.profiles.active", "local");
        properties.put(TestApiKeys.PROPERTY, TestApiKeys.configured());
        return properties;
    }

    /** Lazy holders: a test that needs only the database does not start Kafka or Azurite. */
    private static final class Kafka {
        static final TestKafka INSTANCE = logged(TestKafka.start(), "Kafka");

        private static TestKafka logged(TestKafka kafka, String what) {
            log.info("{} for tests: {} at {}", what, kafka.kind(), kafka.bootstrapServers());
            return kafka;
        }
    }

    private static final class Database {
        static final TestMariaDb INSTANCE = TestMariaDb.start();
    }

    private static final class Blob {
        static final TestAzurite INSTANCE = TestAzurite.start();
    }
}
