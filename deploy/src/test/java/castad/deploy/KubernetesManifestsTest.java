package castad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.event.Topics;
import castad.testsupport.Commands;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/** deploy/k8s: valid against the Kubernetes and KEDA schemas, and true to what each service reads and listens on. */
class KubernetesManifestsTest {

    static final List<String> DEPLOYED = List.of("api-gateway", "lyric-worker", "song-worker", "video-worker",
            "blob-worker");
    static final List<String> WORKERS = DEPLOYED.subList(1, DEPLOYED.size());
    private static final Map<String, String> COMMAND_TOPICS = Map.of("lyric-worker", Topics.LYRIC_REQUESTED,
            "song-worker", Topics.SONG_REQUESTED, "video-worker", Topics.VIDEO_REQUESTED,
            "blob-worker", Topics.BLOB_REQUESTED);
    private static final Set<String> CONTAINER_FIELDS = Set.of("name", "image", "ports", "env", "envFrom",
            "resources", "securityContext", "startupProbe", "livenessProbe", "readinessProbe", "args", "command");
    private static final Path K8S = Repository.file("deploy/k8s");
    private static final String EXAMPLE_SECRET = "secret.example.yaml";
    private static final List<Manifest> MANIFESTS = manifests();

    @Test
    void kustomizeAppliesEveryManifestButTheExampleSecret() throws IOException {
        Map<String, Object> kustomization = Repository.yaml(K8S.resolve("kustomization.yaml"));
        try (Stream<Path> files = Files.list(K8S)) {
            var manifests = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")
                            && !name.equals(EXAMPLE_SECRET))
                    .sorted().toList();
            assertThat(list(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void everyObjectIsValidAgainstTheApiSchemas() {
        var result = validate(MANIFESTS);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().lines().filter(line -> line.startsWith("valid "))).hasSize(MANIFESTS.size());
    }

    @Test
    void theSchemaCheckRefusesAnObjectThatIsWrong() {
        Map<String, Object> wrong = new java.util.HashMap<>(deployment("song-worker"));
        wrong.put("spec", Map.of("replicas", "two", "selector", Map.of(), "template", Map.of()));
        var scaledObject = new java.util.HashMap<>(object("ScaledObject", "song-worker"));
        scaledObject.put("spec", Map.of("maxReplicaCount", 12));

        var result = validate(List.of(new Manifest("wrong", wrong), new Manifest("wrong", scaledObject)));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().lines().filter(line -> line.startsWith("INVALID "))).hasSize(2);
    }

    @ParameterizedTest
    @FieldSource("DEPLOYED")
    void aDeploymentProbesTheServicesOwnHealthGroupsWithRequestsAndItsConfiguration(String service) {
        Map<String, Object> container = map(list(at(deployment(service), "spec", "template", "spec", "containers"))
                .get(0));
        int port = service.equals("api-gateway") ? 8085 : defaultPort(service);

        assertThat(CONTAINER_FIELDS).containsAll(container.keySet());
        assertThat(container.get("image").toString()).startsWith("castad/" + service + ":");
        assertThat(at(container, "livenessProbe", "httpGet"))
                .isEqualTo(Map.of("path", "/actuator/health/liveness", "port", port));
        assertThat(at(container, "readinessProbe", "httpGet"))
                .isEqualTo(Map.of("path", "/actuator/health/readiness", "port", port));
        assertThat(map(at(container, "resources", "requests"))).containsKeys("cpu", "memory");
        assertThat(map(at(container, "resources", "limits"))).containsKey("memory");
        assertThat(String.valueOf(container.get("envFrom")))
                .contains("configMapRef={name=castad-config}").contains("secretRef={name=castad-secrets}");
        assertThat(String.valueOf(container.get("ports"))).contains("containerPort=" + defaultPort(service));
    }

    @ParameterizedTest
    @FieldSource("WORKERS")
    void aWorkerScalesOnItsConsumerGroupsLagUpToThePartitions(String worker) throws IOException {
        Map<String, Object> spec = map(find("ScaledObject", worker).get("spec"));
        Map<String, Object> trigger = map(list(spec.get("triggers")).get(0));
        Map<String, Object> metadata = map(trigger.get("metadata"));
        int partitions = Integer.parseInt(configuration().get("CASTAD_KAFKA_PARTITIONS").toString());

        assertThat(at(spec, "scaleTargetRef", "name")).isEqualTo(worker);
        assertThat(trigger.get("type")).isEqualTo("kafka");
        assertThat(metadata.get("consumerGroup")).isEqualTo(groupId(worker));
        assertThat(metadata.get("topic")).isEqualTo(COMMAND_TOPICS.get(worker));
        assertThat(metadata.get("bootstrapServers")).isEqualTo(configuration().get("CASTAD_KAFKA_BOOTSTRAP"));
        assertThat(Integer.parseInt(metadata.get("lagThreshold").toString())).isPositive();
        assertThat((Integer) spec.get("maxReplicaCount") * listenerThreads(worker))
                .as("consumers of %s at most, against %d partitions", worker, partitions).isBetween(1, partitions);
        assertThat(map(at(deployment(worker), "spec"))).doesNotContainKey("replicas");
    }

    @Test
    void everyConfiguredVariableIsOneSomeServiceReads() {
        var services = Repository.SERVICES.stream().map(ServiceSettings::of).toList();
        Map<String, Object> secret = map(find("Secret", "castad-secrets").get("stringData"));
        List<String> names = new ArrayList<>(configuration().keySet());
        names.addAll(secret.keySet());

        assertThat(names).allSatisfy(name -> assertThat(services.stream().anyMatch(s -> s.reads(name)))
                .as("%s is read by some service", name).isTrue());
    }

    private static Commands.Result validate(List<Manifest> manifests) {
        try {
            Path check = Repository.file("deploy/target/k8s-check");
            Files.createDirectories(check);
            Path modules = check.resolve("node_modules");
            if (!Files.exists(modules)) {
                Files.createSymbolicLink(modules, Repository.nodeTools().resolve("node_modules"));
            }
            Files.copy(Repository.file("deploy/src/test/node/validate-k8s.mjs"), check.resolve("validate-k8s.mjs"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path objects = Files.createTempFile(check, "objects", ".json");
            new ObjectMapper().writeValue(objects.toFile(),
                    manifests.stream().map(m -> Map.of("source", m.source(), "object", m.object())).toList());
            return Repository.run(Repository.command("node", check.resolve("validate-k8s.mjs").toString(),
                    objects.toString()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Manifest> manifests() {
        try (Stream<Path> files = Files.list(K8S)) {
            List<Manifest> manifests = new ArrayList<>();
            files.filter(file -> file.toString().endsWith(".yaml") && !file.endsWith("kustomization.yaml")).sorted()
                    .forEach(file -> new Yaml().loadAll(Repository.read(file)).forEach(object -> {
                        if (object != null) {
                            manifests.add(new Manifest(file.getFileName().toString(), map(object)));
                        }
                    }));
            return manifests;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> deployment(String name) {
        return find("Deployment", name);
    }

    private static Map<String, Object> configuration() {
        return map(find("ConfigMap", "castad-config").get("data"));
    }

    private static Map<String, Object> find(String kind, String name) {
        return MANIFESTS.stream().map(Manifest::object)
                .filter(object -> kind.equals(object.get("kind")) && name.equals(at(object, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static Map<String, Object> object(String kind, String name) {
        return Map.of("apiVersion", find(kind, name).get("apiVersion"), "kind", kind,
                "metadata", Map.of("name", name));
    }

    private static int defaultPort(String service) {
        Matcher port = Pattern.compile("port: \\$\\{CASTAD_[A-Z]+_PORT:(\\d+)}")
                .matcher(Repository.read(Repository.file(service + "/src/main/resources/" + service + ".yml")));
        assertThat(port.find()).as("%s's server.port", service).isTrue();
        return Integer.parseInt(port.group(1));
    }

    /** The most threads one of the worker's listeners runs: {@code concurrency = "${...:N}"} in its sources. */
    private static int listenerThreads(String worker) throws IOException {
        Pattern concurrency = Pattern.compile("concurrency = \"\\$\\{[a-z.-]+:(\\d+)}\"");
        try (Stream<Path> sources = Files.walk(Repository.file(worker + "/src/main/java"))) {
            return sources.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> concurrency.matcher(Repository.read(file)).results())
                    .mapToInt(match -> Integer.parseInt(match.group(1))).max().orElse(1);
        }
    }

    private static Object groupId(String worker) {
        // the file's first document: what holds in every profile
        Object settings = new Yaml().loadAll(Repository.read(Repository.file(
                worker + "/src/main/resources/" + worker + ".yml"))).iterator().next();
        return at(map(settings), "spring", "kafka", "consumer", "group-id");
    }

    private static Object at(Map<String, Object> object, String... path) {
        Object current = object;
        for (String key : path) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    record Manifest(String source, Map<String, Object> object) {
    }
}
