package castad.testsupport;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of Spring integration tests: the context talks to this JVM's real Kafka, MariaDB and Azurite, in the
 * {@code local} profile (development secrets allowed, the simulators on 127.0.0.1 allow-listed), and a
 * gateway accepts the {@link TestApiKeys}.
 */
@ActiveProfiles("local")
public abstract class InfrastructureTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // Suppliers: each piece of infrastructure starts only if the context really reads its property.
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.datasource.url", TestInfrastructure::jdbcUrl);
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
        registry.add("castad.blob.connection-string", TestInfrastructure::blobConnectionString);
        registry.add(TestApiKeys.PROPERTY, TestApiKeys::configured);
    }
}
