package castad.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castad.common.callback.CallbackSettings;
import castad.testsupport.InfrastructureTest;
import castad.testsupport.TestApiKeys;
import castad.testsupport.TestInfrastructure;
import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bad-input suite: what a careless or hostile client sends to every endpoint. Each case must be answered
 * with the expected 4xx as problem+json (never a 5xx), and leave every table, every topic and the Blob
 * containers as they were. Fixtures: alice's project with a photo and a song and a video waiting on their
 * providers, alice's fresh project, and bob's key, which must not reach either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.servlet.multipart.max-file-size=256KB")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends InfrastructureTest {

    private static final String ALICE = TestApiKeys.ALICE;
    private static final String BOB = TestApiKeys.BOB;
    private static final String NONE = null;
    private static final List<String> TABLES = List.of("project", "image", "lyric", "song", "video", "pipeline",
            "idempotency_key", "outbox_event", "timeline_event");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallbackSettings callbacks;
    @Autowired
    BlobServiceClient blobService;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> fixture = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() throws Exception {
        String own = createProject(ALICE, "Alice Bakery");
        upload(ALICE, own, png());
        fixture.put("{own}", own);
        fixture.put("{fresh}", createProject(ALICE, "Alice Fresh"));
        long project = jdbc.sql("SELECT id FROM project WHERE task_id = ?").param(own).query(Long.class).single();
        long song = stageRow("song", project, "processing", "suno-waiting");
        long doneSong = stageRow("song", project, "completed", "suno-done");
        long video = stageRow("video", project, "processing", "render-waiting");
        fixture.put("{song}", Long.toString(song));
        fixture.put("{doneSong}", Long.toString(doneSong));
        fixture.put("{video}", Long.toString(video));
        fixture.put("{songToken}", token(callbacks.sunoUrl(song)));
        fixture.put("{doneSongToken}", token(callbacks.sunoUrl(doneSong)));
        fixture.put("{videoToken}", token(callbacks.creatomateUrl(video)));
        fixture.put("{random}", UUID.randomUUID().toString());
        // the fixtures' own events are published before the cases start counting
        await().atMost(Duration.ofSeconds(30)).until(() -> count("outbox_event") == 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGetsAClearProblemAndChangesNothing(Case bad) throws Exception {
        Snapshot before = snapshot();

        HttpResponse<String> response = http.send(bad.request(this), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("%s: %s", bad.name(), response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).as(bad.name())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("detail").asText()).as("a detail that says what to fix").isNotBlank();
        assertThat(snapshot()).as("%s wrote, published or stored something", bad.name()).isEqualTo(before);
    }

    Stream<Case> cases() {
        String big = "x".repeat(70_000);
        return Stream.of(
                // no key, a wrong key: refused everywhere it must be
                post("no key: create a project", "/api/v1/projects", NONE, project("A", "B"), 401),
                post("unknown key: create a project", "/api/v1/projects", "not-a-key", project("A", "B"), 403),
                post("empty key: create a project", "/api/v1/projects", "", project("A", "B"), 403),
                post("overlong key", "/api/v1/projects", "k".repeat(300), project("A", "B"), 403),
                get("no key: a task", "/api/v1/projects/{own}", NONE, 401),
                get("no key: the videos", "/api/v1/videos", NONE, 401),
                get("unknown key: the songs", "/api/v1/songs", "alice", 403),
                get("no key: an event stream", "/api/v1/projects/{own}/events", NONE, 401),
                post("no key: lyrics", "/api/v1/projects/{own}/lyrics", NONE, "{}", 401),
                post("no key: a song", "/api/v1/projects/{own}/songs", NONE, "{}", 401),
                post("no key: a video", "/api/v1/projects/{own}/videos", NONE, "{}", 401),
                post("no key: a pipeline", "/api/v1/projects/{own}/pipeline", NONE, "{}", 401),
                multipart("no key: photos", "/api/v1/projects/{own}/images", NONE, "a.png", "image/png", BadInputIT::png, 401),
                // another owner's task does not exist for bob
                get("another owner's task", "/api/v1/projects/{own}", BOB, 404),
                get("another owner's event stream", "/api/v1/projects/{own}/events", BOB, 404),
                post("lyrics for another owner's task", "/api/v1/projects/{own}/lyrics", BOB, "{}", 404),
                post("a song for another owner's task", "/api/v1/projects/{own}/songs", BOB, "{}", 404),
                post("a video for another owner's task", "/api/v1/projects/{own}/videos", BOB, "{}", 404),
                post("a pipeline for another owner's task", "/api/v1/projects/{own}/pipeline", BOB, "{}", 404),
                multipart("photos for another owner's task", "/api/v1/projects/{own}/images", BOB, "a.png", "image/png",
                        BadInputIT::png, 404),
                // malformed JSON, wrong types, missing and extra fields
                post("JSON cut short", "/api/v1/projects", ALICE, "{\"storeName\":", 400),
                post("a JSON array", "/api/v1/projects", ALICE, "[]", 400),
                post("a JSON string", "/api/v1/projects", ALICE, "\"Bakery\"", 400),
                post("no body", "/api/v1/projects", ALICE, "", 400),
                post("not JSON at all", "/api/v1/projects", ALICE, "storeName=A&region=B", 400),
                post("storeName an object", "/api/v1/projects", ALICE, "{\"storeName\":{\"a\":1},\"region\":\"B\"}", 400),
                post("storeName an array", "/api/v1/projects", ALICE, "{\"storeName\":[\"A\"],\"region\":\"B\"}", 400),
                post("storeName missing", "/api/v1/projects", ALICE, "{\"region\":\"B\"}", 400),
                post("region missing", "/api/v1/projects", ALICE, "{\"storeName\":\"A\"}", 400),
                post("storeName blank", "/api/v1/projects", ALICE, project("   ", "B"), 400),
                post("storeName null", "/api/v1/projects", ALICE, "{\"storeName\":null,\"region\":\"B\"}", 400),
                post("an unknown field", "/api/v1/projects", ALICE,
                        "{\"storeName\":\"A\",\"region\":\"B\",\"owner\":\"bob\"}", 400),
                post("language not supported", "/api/v1/projects", ALICE,
                        "{\"storeName\":\"A\",\"region\":\"B\",\"language\":\"fr\"}", 400),
                post("language a number", "/api/v1/projects", ALICE,
                        "{\"storeName\":\"A\",\"region\":\"B\",\"language\":7}", 400),
                post("storeName of 201 characters", "/api/v1/projects", ALICE, project("s".repeat(201), "B"), 400),
                post("description of 5,001 characters", "/api/v1/projects", ALICE,
                        "{\"storeName\":\"A\",\"region\":\"B\",\"description\":\"" + "d".repeat(5001) + "\"}", 400),
                post("a body over 64 KB", "/api/v1/projects", ALICE, project(big, "B"), 413),
                chunked("a chunked body over 64 KB", "/api/v1/projects", ALICE, project(big, "B"), 413),
                post("text/plain instead of JSON", "/api/v1/projects", ALICE, project("A", "B"), "text/plain", 415),
                // odd Unicode
                post("a NUL in the name", "/api/v1/projects", ALICE, project("A\\u0000B", "B"), 400),
                post("an unpaired surrogate", "/api/v1/projects", ALICE, project("A\\ud800B", "B"), 400),
                post("a lone low surrogate", "/api/v1/projects", ALICE, project("A", "\\udc00"), 400),
                post("a noncharacter", "/api/v1/projects", ALICE, project("A", "B\\uffff"), 400),
                post("an escape character", "/api/v1/projects", ALICE, project("A\\u001b[31m", "B"), 400),
                post("a line break in the name", "/api/v1/projects", ALICE, project("A\\nB", "B"), 400),
                // stage options
                post("lyric prompt of 2,001 characters", "/api/v1/projects/{own}/lyrics", ALICE,
                        "{\"prompt\":\"" + "p".repeat(2001) + "\"}", 400),
                post("lyric prompt an object", "/api/v1/projects/{own}/lyrics", ALICE, "{\"prompt\":{}}", 400),
                post("lyric prompt with a NUL", "/api/v1/projects/{own}/lyrics", ALICE, "{\"prompt\":\"a\\u0000\"}", 400),
                post("song style an array", "/api/v1/projects/{own}/songs", ALICE, "{\"style\":[\"pop\"]}", 400),
                post("song title of 81 characters", "/api/v1/projects/{own}/songs", ALICE,
                        "{\"title\":\"" + "t".repeat(81) + "\"}", 400),
                post("video templateId of 101 characters", "/api/v1/projects/{own}/videos", ALICE,
                        "{\"templateId\":\"" + "t".repeat(101) + "\"}", 400),
                post("pipeline with an unknown field", "/api/v1/projects/{own}/pipeline", ALICE, "{\"paid\":false}", 400),
                post("pipeline body a number", "/api/v1/projects/{own}/pipeline", ALICE, "42", 400),
                // unknown and malformed task ids
                get("a task id that is not a UUID", "/api/v1/projects/not-a-uuid", ALICE, 404),
                get("an unknown task", "/api/v1/projects/{random}", ALICE, 404),
                get("a task id like SQL", "/api/v1/projects/1'%20OR%20'1'='1", ALICE, 404),
                get("a task id of 300 characters", "/api/v1/projects/" + "a".repeat(300), ALICE, 404),
                post("lyrics for an unknown task", "/api/v1/projects/{random}/lyrics", ALICE, "{}", 404),
                post("a pipeline for a malformed task", "/api/v1/projects/zzz/pipeline", ALICE, "{}", 404),
                get("the events of an unknown task", "/api/v1/projects/{random}/events", ALICE, 404),
                // wrong stage order
                post("a song before lyrics", "/api/v1/projects/{fresh}/songs", ALICE, "{}", 409),
                post("a video before a song", "/api/v1/projects/{fresh}/videos", ALICE, "{}", 409),
                post("a pipeline without photos", "/api/v1/projects/{fresh}/pipeline", ALICE, "{}", 409),
                // files that lie about their type, and broken uploads
                multipart("a text file called .png", "/api/v1/projects/{own}/images", ALICE, "a.png", "image/png",
                        () -> "not an image".getBytes(StandardCharsets.UTF_8), 415),
                multipart("HTML sent as a JPEG", "/api/v1/projects/{own}/images", ALICE, "a.jpg", "image/jpeg",
                        () -> "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), 415),
                multipart("a GIF", "/api/v1/projects/{own}/images", ALICE, "a.gif", "image/gif",
                        () -> "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), 415),
                multipart("a photo over the size limit", "/api/v1/projects/{own}/images", ALICE, "big.png", "image/png",
                        () -> new byte[300 * 1024], 413),
                post("multipart without a boundary", "/api/v1/projects/{own}/images", ALICE, "x", "multipart/form-data", 400),
                // lists
                get("a page size of 0", "/api/v1/videos?size=0", ALICE, 400),
                get("a page size of 100,000", "/api/v1/videos?size=100000", ALICE, 400),
                get("a page size that is not a number", "/api/v1/songs?size=abc", ALICE, 400),
                get("a negative page", "/api/v1/songs?page=-1", ALICE, 400),
                // idempotency keys
                withHeader(post("an Idempotency-Key with a space", "/api/v1/projects", ALICE, project("A", "B"), 400),
                        "Idempotency-Key", "two words"),
                withHeader(post("an Idempotency-Key of 201 characters", "/api/v1/projects", ALICE, project("A", "B"), 400),
                        "Idempotency-Key", "k".repeat(201)),
                // forged, replayed and cross-stage webhooks
                post("a webhook without a token", "/api/v1/callbacks/suno?ref={song}", NONE, suno("suno-waiting"), 401),
                post("a webhook with a made-up token", "/api/v1/callbacks/suno?ref={song}&token=abc", NONE,
                        suno("suno-waiting"), 401),
                post("a webhook with another song's token", "/api/v1/callbacks/suno?ref={song}&token={doneSongToken}",
                        NONE, suno("suno-waiting"), 401),
                post("a video's token on the song webhook", "/api/v1/callbacks/suno?ref={video}&token={videoToken}",
                        NONE, suno("render-waiting"), 401),
                post("a webhook whose ref is not a number", "/api/v1/callbacks/creatomate?ref=x&token={videoToken}",
                        NONE, "{\"id\":\"render-waiting\"}", 401),
                post("a forged provider id", "/api/v1/callbacks/suno?ref={song}&token={songToken}", NONE,
                        suno("suno-someone-else"), 404),
                post("a forged render id", "/api/v1/callbacks/creatomate?ref={video}&token={videoToken}", NONE,
                        "{\"id\":\"render-evil\",\"status\":\"succeeded\",\"url\":\"http://169.254.169.254/\"}", 404),
                post("a replayed webhook of a finished song", "/api/v1/callbacks/suno?ref={doneSong}&token={doneSongToken}",
                        NONE, suno("suno-done"), 404),
                post("a webhook that is not JSON", "/api/v1/callbacks/suno?ref={song}&token={songToken}", NONE,
                        "<xml/>", 400),
                post("a webhook over 256 KB", "/api/v1/callbacks/suno?ref={song}&token={songToken}", NONE,
                        suno("suno-waiting" + " ".repeat(300_000)), 413));
    }

    // --- the cases' requests

    record Case(String name, String method, String path, String key, String contentType, Supplier<byte[]> body,
                boolean chunked, int status, Map<String, String> headers) {

        HttpRequest request(BadInputIT test) {
            var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + test.port + test.resolve(path)))
                    .timeout(Duration.ofSeconds(30));
            if (key != null) {
                builder.header(TestApiKeys.HEADER, key);
            }
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            headers.forEach(builder::header);
            byte[] bytes = body == null ? null : body.get();
            BodyPublisher publisher = bytes == null ? BodyPublishers.noBody()
                    : chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                    : BodyPublishers.ofByteArray(bytes);
            return builder.method(method, publisher).build();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case get(String name, String path, String key, int status) {
        return new Case(name, "GET", path, key, null, null, false, status, Map.of());
    }

    private static Case post(String name, String path, String key, String json, int status) {
        return post(name, path, key, json, "application/json", status);
    }

    private static Case post(String name, String path, String key, String body, String contentType, int status) {
        return new Case(name, "POST", path, key, contentType, () -> body.getBytes(StandardCharsets.UTF_8), false,
                status, Map.of());
    }

    private static Case chunked(String name, String path, String key, String json, int status) {
        return new Case(name, "POST", path, key, "application/json", () -> json.getBytes(StandardCharsets.UTF_8),
                true, status, Map.of());
    }

    private static Case withHeader(Case c, String header, String value) {
        return new Case(c.name(), c.method(), c.path(), c.key(), c.contentType(), c.body(), c.chunked(), c.status(),
                Map.of(header, value));
    }

    private static Case multipart(String name, String path, String key, String fileName, String type,
                                  Supplier<byte[]> file, int status) {
        String boundary = "castad-bad-input";
        return new Case(name, "POST", path, key, "multipart/form-data; boundary=" + boundary, () -> {
            var out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file.get());
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }, false, status, Map.of());
    }

    private static String project(String storeName, String region) {
        return "{\"storeName\":\"" + storeName + "\",\"region\":\"" + region + "\"}";
    }

    private static String suno(String providerId) {
        return "{\"code\":200,\"msg\":\"All generated successfully.\",\"data\":{\"callbackType\":\"complete\","
                + "\"task_id\":\"" + providerId + "\",\"data\":[{\"id\":\"a\",\"audio_url\":\"http://10.0.0.1/a.mp3\"}]}}";
    }

    private String resolve(String text) {
        String resolved = text;
        for (var placeholder : fixture.entrySet()) {
            resolved = resolved.replace(placeholder.getKey(), placeholder.getValue());
        }
        return resolved;
    }

    // --- what must not change

    record Snapshot(Map<String, List<Object>> tables, Map<TopicPartition, Long> offsets, long blobs) {
    }

    private Snapshot snapshot() {
        Map<String, List<Object>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, new ArrayList<>(jdbc.sql("SELECT COUNT(*), MAX(id) FROM " + table)
                    .query((rs, n) -> List.<Object>of(rs.getLong(1), rs.getLong(2))).single()));
        }
        tables.put("stage updates", List.of(jdbc.sql("SELECT CONCAT(COALESCE(MAX(s.updated_at), ''), '/',"
                + " COALESCE(MAX(v.updated_at), ''), '/', COALESCE(MAX(p.updated_at), '')) FROM project p"
                + " LEFT JOIN song s ON s.project_id = p.id LEFT JOIN video v ON v.project_id = p.id")
                .query(String.class).single()));
        return new Snapshot(tables, endOffsets(), blobs());
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().values().stream().flatMap(List::stream)
                    .filter(info -> info.topic().startsWith("castad."))
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private long blobs() {
        return blobService.listBlobContainers().stream()
                .mapToLong(container -> blobService.getBlobContainerClient(container.getName()).listBlobs().stream().count())
                .sum();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    // --- fixtures, made through the API as alice

    private String createProject(String key, String storeName) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/projects"))
                .header(TestApiKeys.HEADER, key).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(project(storeName, "Jeju"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return json.readTree(response.body()).get("taskId").asText();
    }

    private void upload(String key, String taskId, byte[] png) throws Exception {
        Case upload = multipart("fixture", "/api/v1/projects/" + taskId + "/images", key, "shop.png", "image/png",
                () -> png, 201);
        assertThat(http.send(upload.request(this), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }

    private long stageRow(String table, long project, String status, String externalId) {
        jdbc.sql("INSERT INTO " + table + " (project_id, status, external_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))").params(project, status, externalId).update();
        return jdbc.sql("SELECT MAX(id) FROM " + table + " WHERE project_id = ?").param(project).query(Long.class)
                .single();
    }

    private static String token(String callbackUrl) {
        return callbackUrl.substring(callbackUrl.indexOf("token=") + "token=".length());
    }

    private static byte[] png() {
        var picture = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
