package castad.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import castad.testsupport.InfrastructureTest;
import castad.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AutoConfigureObservability(tracing = false) // metrics exported, as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "castad.quotas.starts-per-period=3", "castad.quotas.start-period=1h", "castad.quotas.streams-per-key=2",
        "castad.timeline.heartbeat=PT1S"})
class OwnersAndQuotasIT extends InfrastructureTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachKeySeesOnlyItsOwnTasksInItsListsAndAnAdminSeesThemAll() throws Exception {
        String alices = completedVideoOf(TestApiKeys.ALICE, "Alice Listed");
        String bobs = completedVideoOf(TestApiKeys.BOB, "Bob Listed");

        assertThat(listed(TestApiKeys.ALICE, "videos")).contains(alices).doesNotContain(bobs);
        assertThat(listed(TestApiKeys.BOB, "videos")).contains(bobs).doesNotContain(alices);
        assertThat(listed(TestApiKeys.BOB, "songs")).doesNotContain(alices);
        assertThat(listed(TestApiKeys.ADMIN, "videos")).contains(alices, bobs);
        assertThat(send(TestApiKeys.ADMIN, "GET", "/api/v1/projects/" + bobs, null).statusCode()).isEqualTo(200);
        assertThat(send(TestApiKeys.ALICE, "GET", "/api/v1/projects/" + bobs, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT owner FROM project WHERE task_id = ?").param(alices).query(String.class).single())
                .isEqualTo("alice");
    }

    @Test
    void oneIdempotencyKeyUsedByTwoCallersMakesTwoProjectsAndNeverHandsOverTheOther() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"storeName\":\"Same Key\",\"region\":\"Busan\"}";

        JsonNode alices = json.readTree(send(TestApiKeys.ALICE, "POST", "/api/v1/projects", body, key).body());
        JsonNode bobs = json.readTree(send(TestApiKeys.BOB, "POST", "/api/v1/projects", body, key).body());
        JsonNode alicesAgain = json.readTree(send(TestApiKeys.ALICE, "POST", "/api/v1/projects", body, key).body());

        assertThat(bobs.get("taskId")).isNotEqualTo(alices.get("taskId"));
        assertThat(alicesAgain.get("taskId")).isEqualTo(alices.get("taskId"));
    }

    @Test
    void startingStagesIsRateLimitedPerKeyWithRetryAfter() throws Exception {
        String task = project(TestApiKeys.BOB, "Bob Busy");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(send(TestApiKeys.BOB, "POST", "/api/v1/projects/" + task + "/songs", "{}").statusCode());
        }
        long songs = jdbc.sql("SELECT COUNT(*) FROM song").query(Long.class).single();

        HttpResponse<String> limited = send(TestApiKeys.BOB, "POST", "/api/v1/projects/" + task + "/lyrics", "{}");

        assertThat(statuses).containsOnly(409); // every start counts, whatever it is answered
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1L, 3600L));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lyric l JOIN project p ON p.id = l.project_id WHERE p.task_id = ?")
                .param(task).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM song").query(Long.class).single()).isEqualTo(songs);
        // another key has its own budget
        String alices = project(TestApiKeys.ALICE, "Alice Calm");
        assertThat(send(TestApiKeys.ALICE, "POST", "/api/v1/projects/" + alices + "/lyrics", "{}").statusCode())
                .isEqualTo(202);
    }

    @Test
    void aKeyMayHoldOnlySoManyEventStreamsAndAClosedOneFreesItsPlace() throws Exception {
        String task = project(TestApiKeys.ADMIN, "Stream Shop");
        var first = stream(TestApiKeys.ADMIN, task);
        var second = stream(TestApiKeys.ADMIN, task);

        HttpResponse<java.io.InputStream> third = stream(TestApiKeys.ADMIN, task);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        first.body().close();
        second.body().close();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            var again = stream(TestApiKeys.ADMIN, task);
            again.body().close();
            return again.statusCode() == 200;
        });
    }

    @Test
    void healthDocumentationAndThePageStayOpenAndActuatorDetailsNeedAnAdminOnTheManagementPort() throws Exception {
        assertThat(send(null, "GET", "/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(send(null, "GET", "/actuator/health", null).statusCode()).as("not on the public port")
                .isEqualTo(404);
        String management = "http://127.0.0.1:" + managementPort;
        JsonNode anonymous = json.readTree(get(management + "/actuator/health", null).body());
        JsonNode admin = json.readTree(get(management + "/actuator/health", TestApiKeys.ADMIN).body());
        JsonNode user = json.readTree(get(management + "/actuator/health", TestApiKeys.ALICE).body());

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(user.has("components")).isFalse();
        assertThat(admin.path("components").has("db")).isTrue();
        assertThat(get(management + "/actuator/prometheus", null).body()).contains("castad_api_requests_total");
    }

    private String completedVideoOf(String key, String storeName) throws Exception {
        String task = project(key, storeName);
        jdbc.sql("""
                INSERT INTO video (project_id, status, result_container, result_blob_name, completed_at, created_at,
                                   updated_at)
                SELECT id, 'completed', 'media', 'videos/x.mp4', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
                FROM project WHERE task_id = ?""").param(task).update();
        return task;
    }

    private List<String> listed(String key, String what) throws Exception {
        JsonNode page = json.readTree(send(key, "GET", "/api/v1/" + what + "?size=1000", null).body());
        List<String> tasks = new ArrayList<>();
        page.get("items").forEach(item -> tasks.add(item.get("taskId").asText()));
        return tasks;
    }

    private String project(String key, String storeName) throws Exception {
        var created = send(key, "POST", "/api/v1/projects", "{\"storeName\":\"" + storeName + "\",\"region\":\"Jeju\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).get("taskId").asText();
    }

    private HttpResponse<java.io.InputStream> stream(String key, String task) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/projects/" + task
                        + "/events")).header(TestApiKeys.HEADER, key).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpResponse<String> send(String key, String method, String path, String body) throws Exception {
        return send(key, method, path, body, null);
    }

    private HttpResponse<String> send(String key, String method, String path, String body, String idempotencyKey)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header(TestApiKeys.HEADER, key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (key != null) {
            request.header(TestApiKeys.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
