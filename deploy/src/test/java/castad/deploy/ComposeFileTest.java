package castad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.event.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** docker-compose.yml as docker-compose reads it, and as each castad service reads what it is given. */
class ComposeFileTest {

    static final List<String> SERVICES = Repository.SERVICES;
    private static final List<String> WORKERS = List.of("lyric-worker", "song-worker", "video-worker", "blob-worker");
    private static final Map<String, Object> COMPOSE = Repository.yaml(Repository.file("docker-compose.yml"));

    @Test
    void dockerComposeAcceptsTheFile() {
        var result = Repository.run(Repository.command("docker-compose", "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("docker-compose's warnings").doesNotContainIgnoringCase("warn");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyVariableSetOnAServiceIsOneItReads(String service) {
        var reads = ServiceSettings.of(service);
        if (!service.equals("simulators")) {
            assertThat(environment(service)).as("the shared settings, merged in").containsKey("CASTAD_KAFKA_BOOTSTRAP");
        }
        Set<String> notRead = new TreeSet<>(environment(service).keySet());
        notRead.removeIf(reads::reads);

        assertThat(notRead).as("variables the compose file sets on %s that it never reads", service).isEmpty();
    }

    @Test
    void theVariableCheckRefusesANameNoServiceReads() {
        var gateway = ServiceSettings.of("api-gateway");

        assertThat(gateway.reads("CASTAD_DB_URL")).isTrue();
        assertThat(gateway.reads("MANAGEMENT_OTLP_TRACING_ENDPOINT")).isTrue();
        assertThat(gateway.reads("CASTAD_DB_URI")).isFalse();
        assertThat(gateway.reads("SUNO_API_KEY")).as("song-worker's, not the gateway's").isFalse();
        assertThat(ServiceSettings.of("blob-worker").reads("CASTAD_BLOB_COPY_ALLOWED_HOSTS")).isTrue();
    }

    @Test
    void theTopicsAreCastadsOwnWithTheirDeadLettersAndTwelvePartitions() {
        String script = String.join("\n", strings(service("kafka-topics").get("command")));
        Set<String> named = Pattern.compile("castad\\.[a-z]+\\.[a-z]+").matcher(script).results()
                .map(match -> match.group()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(named).isEqualTo(new TreeSet<>(Topics.ALL));
        assertThat(script).contains("\"$$topic.dlt\"").contains("--partitions \"$$PARTITIONS\"");
        assertThat(environment("kafka-topics")).containsEntry("PARTITIONS", "${CASTAD_KAFKA_PARTITIONS:-12}");
        assertThat(environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @ParameterizedTest
    @FieldSource("WORKERS")
    void aWorkerCanRunAsManyReplicasAsItsConsumersHavePartitions(String worker) {
        Map<String, Object> definition = service(worker);

        assertThat(definition).doesNotContainKeys("container_name", "ports", "hostname");
        assertThat(String.valueOf(definition.get("networks"))).doesNotContain("ipv4_address");
        assertThat(environment(worker)).doesNotContainKey("SERVER_PORT");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aServiceStartsWhenWhatItNeedsIsHealthyAndReportsItsOwnHealth(String service) {
        Map<String, Object> definition = service(service);

        assertThat(String.join(" ", strings(((Map<?, ?>) definition.get("healthcheck")).get("test"))))
                .contains("/actuator/health");
        if (!service.equals("simulators")) {
            assertThat(String.valueOf(definition.get("depends_on")))
                    .contains("kafka-topics={condition=service_completed_successfully}")
                    .contains("mysql={condition=service_healthy}")
                    .contains("azurite={condition=service_healthy}");
        }
    }

    @Test
    void everyImageIsPinned() {
        services().forEach((name, definition) -> {
            Object image = ((Map<?, ?>) definition).get("image");
            assertThat(image).as(name).isNotNull();
            assertThat(image.toString()).as(name).matches(".+:[^:]+").doesNotEndWith(":latest");
        });
    }

    @Test
    void kafkaUiShowsCastadsClusterAsText() {
        assertThat(environment("kafka-ui"))
                .containsEntry("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", "kafka:9092")
                .containsEntry("KAFKA_CLUSTERS_0_DEFAULTVALUESERDE", "String");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) COMPOSE.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services().get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, Object> environment = (Map<String, Object>) service(service).getOrDefault("environment", Map.of());
        return environment.entrySet().stream().filter(entry -> !entry.getKey().equals("<<"))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue())));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(value.toString());
    }
}
