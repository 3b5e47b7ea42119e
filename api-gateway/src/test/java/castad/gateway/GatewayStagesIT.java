package castad.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castad.common.callback.CallbackSettings;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.StageQueued;
import castad.common.event.StageStarted;
import castad.common.event.Topics;
import castad.common.outbox.Outbox;
import castad.testsupport.InfrastructureTest;
import castad.testsupport.KafkaProbe.Message;
import castad.testsupport.KafkaProbe;
import castad.testsupport.SseProbe;
import castad.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "castad.callbacks.secret=the-test-callback-secret")
@Import(StatementCounter.class)
class GatewayStagesIT extends InfrastructureTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CallbackSettings callbacks;
    @LocalServerPort
    int port;

    @BeforeEach
    void asAlice() {
        TestApiKeys.sendAs(http.getRestTemplate(), TestApiKeys.ALICE);
    }

    @Test
    void aSongNeedsCompletedLyricsAndAVideoNeedsASongAndAPhoto() {
        long project = project("Noodle Bar");
        String taskId = taskId(project);

        assertProblem(post(taskId, "songs", null), HttpStatus.CONFLICT, "needs completed lyrics");
        long lyric = stageRow("lyric", project, "completed");
        ResponseEntity<JsonNode> song = post(taskId, "songs", "{\"style\":\"jazz\"}");
        assertThat(song.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(song.getBody().get("status").asText()).isEqualTo("pending");
        assertProblem(post(taskId, "songs", null), HttpStatus.CONFLICT, "already pending or processing");

        assertProblem(post(taskId, "videos", null), HttpStatus.CONFLICT, "needs a completed song");
        jdbc.sql("UPDATE song SET status = 'completed', lyric_id = ? WHERE project_id = ?").params(lyric, project).update();
        assertProblem(post(taskId, "videos", null), HttpStatus.CONFLICT, "needs at least one photo");
        image(project);
        assertThat(post(taskId, "videos", "{\"templateId\":\"my-template\"}").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(jdbc.sql("SELECT template_id FROM video WHERE project_id = ?").param(project).query(String.class)
                .single()).isEqualTo("my-template");
    }

    @Test
    void aPipelineStartsWithItsLyricAndCannotRunTwiceAtOnce() {
        long project = project("Tea House");
        String taskId = taskId(project);
        assertProblem(post(taskId, "pipeline", null), HttpStatus.CONFLICT, "photos");
        image(project);

        try (var probe = new KafkaProbe(List.of(Topics.LYRIC_REQUESTED, Topics.PIPELINE_EVENTS))) {
            ResponseEntity<JsonNode> started = post(taskId, "pipeline", "{\"style\":\"lofi\",\"prompt\":\"calm\"}");
            ResponseEntity<JsonNode> again = post(taskId, "pipeline", null);

            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertProblem(again, HttpStatus.CONFLICT, "already pending or processing");
            assertThat(probe.forTask(taskId, 3)).extracting(m -> m.header("eventType"))
                    .containsExactlyInAnyOrder("PipelineStarted", "LyricRequested", "StageQueued");
        }
        JsonNode task = http.getForObject("/api/v1/projects/" + taskId, JsonNode.class);
        assertThat(task.get("pipeline").get("status").asText()).isEqualTo("running");
        assertThat(task.get("lyric").get("status").asText()).isEqualTo("pending");
        assertThat(jdbc.sql("SELECT style FROM pipeline WHERE project_id = ?").param(project).query(String.class)
                .single()).isEqualTo("lofi");
    }

    @Test
    void aPipelineDoesNotStartWhileAStageStartedOnItsOwnIsStillRunning() {
        long project = project("Noodle Bar");
        String taskId = taskId(project);
        image(project);
        jdbc.sql("""
                INSERT INTO lyric (project_id, status, lyric_text, created_at, updated_at)
                VALUES (?, 'completed', 'la la', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""").param(project).update();
        jdbc.sql("""
                INSERT INTO song (project_id, lyric_id, status, created_at, updated_at)
                SELECT project_id, id, 'processing', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM lyric WHERE project_id = ?""")
                .param(project).update();

        assertProblem(post(taskId, "pipeline", null), HttpStatus.CONFLICT, "A song for task");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pipeline WHERE project_id = ?").param(project).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstAnswerAndStartsNothingNew() {
        long project = project("Retry Cafe");
        String taskId = taskId(project);
        image(project);
        String key = UUID.randomUUID().toString();

        List<ResponseEntity<JsonNode>> answers = java.util.stream.Stream.of(1, 2, 3).parallel()
                .map(i -> post(taskId, "pipeline", "{\"style\":\"lofi\"}", key)).toList();
        ResponseEntity<JsonNode> otherBody = post(taskId, "pipeline", "{\"style\":\"metal\"}", key);
        ResponseEntity<JsonNode> noKey = post(taskId, "pipeline", "{\"style\":\"lofi\"}");

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED));
        assertThat(answers).extracting(a -> a.getBody().get("pipelineId").asLong()).containsOnly(
                answers.get(0).getBody().get("pipelineId").asLong());
        assertThat(answers).filteredOn(a -> "true".equals(a.getHeaders().getFirst("Idempotent-Replayed"))).hasSize(2);
        assertProblem(otherBody, HttpStatus.UNPROCESSABLE_ENTITY, "different request");
        assertProblem(noKey, HttpStatus.CONFLICT, "already pending or processing");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pipeline WHERE project_id = ?").param(project).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void creatingAProjectTwiceWithOneIdempotencyKeyCreatesOneProject() {
        String key = UUID.randomUUID().toString();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        var request = new HttpEntity<>(Map.of("storeName", "Once Only", "region", "Daegu"), headers);

        ResponseEntity<JsonNode> first = http.postForEntity("/api/v1/projects", request, JsonNode.class);
        ResponseEntity<JsonNode> second = http.postForEntity("/api/v1/projects", request, JsonNode.class);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody().get("taskId")).isEqualTo(first.getBody().get("taskId"));
        assertThat(second.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE store_name = 'Once Only'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aWebhookIsPassedOnOnlyWithItsOwnStagesTokenAndTheProviderIdCastadStoredAndOnlyWhenItCanEndTheStage() {
        long project = project("Taco Stand");
        String taskId = taskId(project);
        long song = stageRow("song", project, "processing");
        long otherSong = stageRow("song", project("Other Stand"), "processing");
        long video = stageRow("video", project, "processing");
        jdbc.sql("UPDATE song SET external_id = 'suno-abc' WHERE id = ?").param(song).update();
        // refused bodies say so: a refused one passed on would reach the topic before the right one (one partition)
        String body = "{\"msg\":\"refused\",\"data\":{\"callbackType\":\"complete\",\"task_id\":\"suno-abc\"}}";
        String rightBody = "{\"msg\":\"right\",\"data\":{\"callbackType\":\"complete\",\"task_id\":\"suno-abc\"}}";
        String forgedId = "{\"code\":200,\"data\":{\"callbackType\":\"complete\",\"task_id\":\"suno-evil\"}}";

        try (var probe = new KafkaProbe(List.of(Topics.PROVIDER_CALLBACKS))) {
            assertProblem(callback("suno", "not-the-token", song, body), HttpStatus.UNAUTHORIZED, "token");
            assertProblem(callback("suno", token(callbacks.sunoUrl(otherSong)), song, body),
                    HttpStatus.UNAUTHORIZED, "token");
            assertProblem(callback("suno", token(callbacks.creatomateUrl(song)), song, body),
                    HttpStatus.UNAUTHORIZED, "token");
            assertProblem(callback("creatomate", token(callbacks.sunoUrl(video)), video, "{\"id\":\"r\"}"),
                    HttpStatus.UNAUTHORIZED, "token");
            assertProblem(callback("suno", token(callbacks.sunoUrl(song)), song, forgedId), HttpStatus.NOT_FOUND,
                    "provider id");
            assertProblem(callback("suno", token(callbacks.sunoUrl(987_654_321L)), 987_654_321L, body),
                    HttpStatus.NOT_FOUND, "provider id");
            for (String progressOnly : List.of("text", "first")) {
                String progress = "{\"code\":200,\"msg\":\"on its way\",\"data\":{\"callbackType\":\"" + progressOnly
                        + "\",\"task_id\":\"suno-abc\",\"data\":[]}}";
                assertThat(callback("suno", token(callbacks.sunoUrl(song)), song, progress).getStatusCode())
                        .isEqualTo(HttpStatus.OK);
            }
            ResponseEntity<JsonNode> right = callback("suno", token(callbacks.sunoUrl(song)), song, rightBody);

            assertThat(right.getStatusCode()).isEqualTo(HttpStatus.OK);
            Message passed = probe.forTask(taskId, 1).get(0);
            assertThat(passed.header("eventType")).isEqualTo("SunoCallback");
            assertThat(passed.value()).contains("\"songId\":" + song).contains("right");
        }
    }

    @Test
    void aWebhookThatComesBeforeItsProviderIdIsStoredBringsThePollForwardAndPassesNothingOn() {
        long project = project("Early Bird Cafe");
        String taskId = taskId(project);
        long video = stageRow("video", project, "processing"); // submitted, its id not stored yet
        long pendingVideo = stageRow("video", project("Not Sent Yet"), "pending");
        String body = "{\"id\":\"render-early\",\"status\":\"succeeded\",\"url\":\"http://10.0.0.1/v.mp4\"}";

        try (var probe = new KafkaProbe(List.of(Topics.PROVIDER_CALLBACKS)).assigned()) {
            ResponseEntity<JsonNode> early = callback("creatomate", token(callbacks.creatomateUrl(video)), video, body);

            assertThat(early.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(nextPollAt(video)).as("polled as soon as the id is stored").isNotNull();
            assertProblem(callback("creatomate", token(callbacks.creatomateUrl(pendingVideo)), pendingVideo, body),
                    HttpStatus.NOT_FOUND, "provider id");
            assertThat(nextPollAt(pendingVideo)).isNull();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> probe.seenForTask(taskId).isEmpty());
        }
    }

    private Object nextPollAt(long video) {
        return jdbc.sql("SELECT next_poll_at FROM video WHERE id = ?").param(video)
                .query((rs, n) -> rs.getTimestamp(1)).list().get(0);
    }

    private static String token(String callbackUrl) {
        return callbackUrl.substring(callbackUrl.indexOf("token=") + "token=".length());
    }

    @Test
    void listsShowTheLatestCompletedItemPerTaskNewestFirstWithAConstantNumberOfQueries() {
        long older = project("Older Shop");
        long newer = project("Newer Shop");
        stageRow("song", older, "completed");
        long latestOfOlder = stageRow("song", older, "completed");
        stageRow("song", newer, "completed");
        stageRow("song", newer, "failed");
        jdbc.sql("UPDATE song SET completed_at = '2030-01-01 00:00:00', result_container = 'media',"
                + " result_blob_name = 'songs/x.mp3' WHERE id = ?").param(latestOfOlder).update();

        JsonNode page = http.getForObject("/api/v1/songs?size=10", JsonNode.class);
        assertThat(page.get("items").get(0).get("storeName").asText()).isEqualTo("Older Shop");
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(latestOfOlder);
        assertThat(page.get("items").get(0).get("resultUrl").asText()).contains("x.mp3", "sig=");
        assertThat(page.get("items")).extracting(i -> i.get("storeName").asText()).doesNotHaveDuplicates();

        completedSongsAndVideosOfOtherTasks(1000);
        List<Integer> statements = List.of(10, 100, 1000).stream().map(size -> {
            int before = StatementCounter.count.get();
            JsonNode songs = http.getForObject("/api/v1/songs?size=" + size, JsonNode.class);
            JsonNode videos = http.getForObject("/api/v1/videos?size=" + size, JsonNode.class);
            int statementsForBoth = StatementCounter.count.get() - before;
            assertThat(songs.get("items")).hasSize(size);
            assertThat(videos.get("items")).hasSize(size);
            return statementsForBoth;
        }).toList();
        assertThat(statements).containsOnly(statements.get(0));
        assertThat(statements.get(0)).isLessThanOrEqualTo(4);
        assertProblem(http.getForEntity("/api/v1/videos?size=0", JsonNode.class), HttpStatus.BAD_REQUEST, "size");
    }

    @Test
    void theEventStreamReplaysWhatHappenedThenFollowsLiveInOrder() {
        long project = project("Dim Sum Palace");
        String taskId = taskId(project);
        transactions.executeWithoutResult(s -> {
            outbox.append(new StageQueued(taskId, Stage.LYRIC, 1));
            outbox.append(new StageStarted(taskId, Stage.LYRIC, 1));
        });
        String events = "http://127.0.0.1:" + port + "/api/v1/projects/";
        // a UUID is the same id in either case (RFC 4122), and the project is found either way
        try (var stream = new SseProbe(events + taskId + "/events");
             var upperCase = new SseProbe(events + taskId.toUpperCase(Locale.ROOT) + "/events")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stream.names().size() >= 2 && upperCase.names().size() >= 2);
            transactions.executeWithoutResult(s -> outbox.append(new StageCompleted(taskId, Stage.LYRIC, 1, null)));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> stream.names().size() >= 3 && upperCase.names().size() >= 3);
            assertThat(stream.names()).containsExactly("StageQueued", "StageStarted", "StageCompleted");
            assertThat(upperCase.names()).isEqualTo(stream.names());
            assertThat(stream.events().get(2).data()).contains("\"eventType\":\"StageCompleted\"", "\"stage\":\"LYRIC\"");
        }
        assertThat(http.getForEntity("/api/v1/projects/" + UUID.randomUUID() + "/events", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Full pages at every size: one project per item (a list shows each task's latest), completed long ago. */
    private void completedSongsAndVideosOfOtherTasks(int count) {
        jdbc.sql("""
                INSERT INTO project (task_id, owner, store_name, region, language, created_at, updated_at)
                SELECT UUID(), 'alice', 'Listed Shop', 'Seoul', 'ko', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
                FROM (WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                      SELECT i FROM n) numbers""").param(count).update();
        for (String table : List.of("song", "video")) {
            jdbc.sql("INSERT INTO " + table + " (project_id, status, completed_at, created_at, updated_at)"
                    + " SELECT id, 'completed', '2001-01-01 00:00:00', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)"
                    + " FROM project WHERE store_name = 'Listed Shop'").update();
        }
    }

    private long project(String name) {
        String taskId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO project (task_id, owner, store_name, region, language, created_at, updated_at)
                VALUES (?, 'alice', ?, 'Seoul', 'ko', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""").params(taskId, name).update();
        return jdbc.sql("SELECT id FROM project WHERE task_id = ?").param(taskId).query(Long.class).single();
    }

    private String taskId(long project) {
        return jdbc.sql("SELECT task_id FROM project WHERE id = ?").param(project).query(String.class).single();
    }

    private long stageRow(String table, long project, String status) {
        jdbc.sql("INSERT INTO " + table + " (project_id, status, completed_at, created_at, updated_at)"
                + " VALUES (?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))").params(project, status).update();
        return jdbc.sql("SELECT MAX(id) FROM " + table + " WHERE project_id = ?").param(project).query(Long.class)
                .single();
    }

    private void image(long project) {
        jdbc.sql("""
                INSERT INTO image (project_id, sort_order, blob_container, blob_name, blob_url, content_type,
                                   size_bytes, created_at)
                VALUES (?, 1, 'images', 'x.png', 'http://x/x.png', 'image/png', 1, UTC_TIMESTAMP(6))""")
                .param(project).update();
    }

    private ResponseEntity<JsonNode> post(String taskId, String what, String json) {
        return post(taskId, what, json, null);
    }

    private ResponseEntity<JsonNode> post(String taskId, String what, String json, String idempotencyKey) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.postForEntity("/api/v1/projects/" + taskId + "/" + what, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> callback(String provider, String token, long ref, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/v1/callbacks/" + provider + "?token={t}&ref={r}",
                new HttpEntity<>(body, headers), JsonNode.class, Map.of("t", token, "r", ref));
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode().value()).isEqualTo(status.value());
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }
}
