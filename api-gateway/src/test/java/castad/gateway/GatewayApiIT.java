package castad.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castad.common.event.Topics;
import castad.testsupport.InfrastructureTest;
import castad.testsupport.KafkaProbe.Message;
import castad.testsupport.KafkaProbe;
import castad.testsupport.TestApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.servlet.multipart.max-file-size=256KB")
class GatewayApiIT extends InfrastructureTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void asAlice() {
        TestApiKeys.sendAs(http.getRestTemplate(), TestApiKeys.ALICE);
    }

    @Test
    void createsAProjectAndShowsItWithNoImagesAndNoStagesYet() {
        ResponseEntity<JsonNode> created = createProject(Map.of("storeName", "Cafe Onion", "region", "Seoul"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String taskId = created.getBody().get("taskId").asText();
        assertThat(taskId).matches("[0-9a-f-]{36}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/projects/" + taskId);
        assertThat(created.getBody().get("language").asText()).isEqualTo("ko");

        JsonNode task = http.getForObject("/api/v1/projects/" + taskId, JsonNode.class);
        assertThat(task.get("storeName").asText()).isEqualTo("Cafe Onion");
        assertThat(task.get("images")).isEmpty();
        assertThat(task.get("lyric").isNull()).isTrue();
        assertThat(task.get("song").isNull()).isTrue();
        assertThat(task.get("video").isNull()).isTrue();
    }

    @Test
    void thePageItsModulesAndItsUploadLimitsAreServedWithoutAKey() {
        var anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));

        ResponseEntity<String> page = anonymous.getForEntity("/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        List<String> modules = new ArrayList<>(List.of("js/main.js"));
        for (int i = 0; i < modules.size(); i++) {
            ResponseEntity<String> module = anonymous.getForEntity("/" + modules.get(i), String.class);
            assertThat(module.getStatusCode()).as(modules.get(i)).isEqualTo(HttpStatus.OK);
            assertThat(module.getHeaders().getContentType()).as(modules.get(i)).hasToString("text/javascript");
            Pattern.compile("from '\\./([a-z]+\\.js)'").matcher(module.getBody()).results()
                    .map(m -> "js/" + m.group(1)).filter(name -> !modules.contains(name)).forEach(modules::add);
        }
        assertThat(modules).as("every module the page imports is served")
                .contains("js/api.js", "js/events.js", "js/gallery.js", "js/photos.js", "js/timeline.js");
        assertThat(anonymous.getForEntity("/castad.css", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode settings = anonymous.getForObject("/page/settings", JsonNode.class);
        assertThat(settings.at("/uploads/maxFileBytes").asLong()).as("this test's 256KB").isEqualTo(256 * 1024);
        assertThat(settings.at("/uploads/maxPhotos").asInt()).isEqualTo(20);
        assertThat(settings.at("/uploads/contentTypes")).extracting(JsonNode::asText)
                .containsExactly("image/jpeg", "image/png", "image/webp");
        assertThat(settings.get("apiKeyHeader").asText()).isEqualTo(TestApiKeys.HEADER);
    }

    @Test
    void invalidProjectsGetAProblemThatNamesEachFieldAndWriteNothing() {
        long before = count("project");

        ResponseEntity<JsonNode> invalid = createProject(Map.of("region", " ", "language", "fr"));
        ResponseEntity<JsonNode> unreadable = http.exchange("/api/v1/projects", org.springframework.http.HttpMethod.POST,
                new HttpEntity<>("{\"storeName\":", jsonHeaders()), JsonNode.class);

        assertProblem(invalid, HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("detail").asText())
                .contains("storeName must not be blank", "region must not be blank", "language must be one of");
        assertProblem(unreadable, HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getBody().get("detail").asText()).contains("not valid JSON");
        assertThat(count("project")).isEqualTo(before);
    }

    @Test
    void uploadedImagesAreNumberedInOrderAndTheirUrlsDownloadTheSameBytes() throws Exception {
        String taskId = newProject();
        byte[] png = image("png");
        byte[] jpeg = image("jpg");

        ResponseEntity<JsonNode> first = upload(taskId, file("shop.png", png), file("menu.jpg", jpeg));
        ResponseEntity<JsonNode> second = upload(taskId, file("door.png", png));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode images = first.getBody().get("images");
        assertThat(images).hasSize(2);
        assertThat(images.get(0).get("order").asInt()).isEqualTo(1);
        assertThat(images.get(0).get("contentType").asText()).isEqualTo("image/png");
        assertThat(images.get(1).get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(images.get(1).get("sizeBytes").asLong()).isEqualTo(jpeg.length);
        assertThat(download(images.get(0).get("url").asText())).isEqualTo(png);
        assertThat(download(images.get(1).get("url").asText())).isEqualTo(jpeg);
        assertThat(second.getBody().get("images").get(0).get("order").asInt()).isEqualTo(3);

        JsonNode task = http.getForObject("/api/v1/projects/" + taskId, JsonNode.class);
        assertThat(task.get("images")).extracting(i -> i.get("originalName").asText())
                .containsExactly("shop.png", "menu.jpg", "door.png");
        // past the second a fresh signature's expiry would be counted from: a re-signed URL would differ
        await().pollDelay(Duration.ofMillis(1100)).until(() -> true);
        JsonNode again = http.getForObject("/api/v1/projects/" + taskId, JsonNode.class);
        assertThat(again.get("images")).as("a polling client sees the same signed URLs: its browser caches the files")
                .extracting(i -> i.get("url").asText())
                .containsExactlyElementsOf(task.get("images").findValuesAsText("url"));
        assertThat(download(again.get("images").get(2).get("url").asText())).isEqualTo(png);
    }

    @Test
    void filesThatAreNotImagesOrTooLargeAreRefusedAndStoreNothing() throws Exception {
        String taskId = newProject();
        long before = count("image");

        ResponseEntity<JsonNode> gif = upload(taskId, file("ok.png", image("png")), file("anim.gif",
                "GIF89a-not-accepted".getBytes()));
        ResponseEntity<JsonNode> huge = upload(taskId, file("huge.png", new byte[300 * 1024]));
        ResponseEntity<JsonNode> unknown = upload("no-such-task", file("ok.png", image("png")));

        assertProblem(gif, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(gif.getBody().get("detail").asText()).contains("files[1] 'anim.gif' is not a JPEG, PNG or WebP");
        assertProblem(huge, HttpStatus.PAYLOAD_TOO_LARGE);
        assertProblem(unknown, HttpStatus.NOT_FOUND);
        assertThat(count("image")).isEqualTo(before);
    }

    @Test
    void requestingLyricsWritesAPendingRowAndItsCommandAndRefusesASecondWhileItRuns() {
        String taskId = newProject();
        try (var probe = new KafkaProbe(List.of(Topics.LYRIC_REQUESTED, Topics.PIPELINE_EVENTS))) {
            ResponseEntity<JsonNode> accepted = requestLyrics(taskId, "{\"prompt\":\"mention the terrace\"}");
            ResponseEntity<JsonNode> again = requestLyrics(taskId, null);

            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(accepted.getBody().get("status").asText()).isEqualTo("pending");
            long lyricId = accepted.getBody().get("id").asLong();
            assertProblem(again, HttpStatus.CONFLICT);

            List<Message> events = probe.forTask(taskId, 2);
            assertThat(events).extracting(m -> m.header("eventType"))
                    .containsExactlyInAnyOrder("LyricRequested", "StageQueued");
            assertThat(events).filteredOn(m -> m.topic().equals(Topics.LYRIC_REQUESTED)).singleElement()
                    .satisfies(m -> assertThat(m.value()).contains("\"lyricId\":" + lyricId));
        }
        JsonNode task = http.getForObject("/api/v1/projects/" + taskId, JsonNode.class);
        assertThat(task.get("lyric").get("status").asText()).isEqualTo("pending");
    }

    @Test
    void twoSimultaneousLyricRequestsStartExactlyOneAttempt() {
        String taskId = newProject();

        List<HttpStatus> statuses = List.of(
                        CompletableFuture.supplyAsync(() -> requestLyrics(taskId, null)),
                        CompletableFuture.supplyAsync(() -> requestLyrics(taskId, null)),
                        CompletableFuture.supplyAsync(() -> requestLyrics(taskId, null)))
                .stream().map(CompletableFuture::join).map(r -> HttpStatus.valueOf(r.getStatusCode().value()))
                .toList();

        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT, HttpStatus.CONFLICT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lyric l JOIN project p ON p.id = l.project_id WHERE p.task_id = ?")
                .param(taskId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void lyricsForAnUnknownTaskOrWithAnOverlongPromptAreRefused() {
        String taskId = newProject();

        assertProblem(requestLyrics("no-such-task", null), HttpStatus.NOT_FOUND);
        assertProblem(requestLyrics(taskId, "{\"prompt\":\"" + "x".repeat(2001) + "\"}"), HttpStatus.BAD_REQUEST);
        assertThat(http.getForObject("/api/v1/projects/" + taskId, JsonNode.class).get("lyric").isNull()).isTrue();
    }

    @Test
    void brokenUploadsAndImpossibleTaskIdsAreTheClientsFaultAndOverlongFileNamesAreCut() throws Exception {
        String taskId = newProject();
        long before = count("image");

        ResponseEntity<JsonNode> noBoundary = rawUpload(taskId, "multipart/form-data", "files=garbage");
        ResponseEntity<JsonNode> cutShort = rawUpload(taskId, "multipart/form-data; boundary=cut",
                "--cut\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\n\u0089PNG");
        var idempotent = jsonHeaders();
        idempotent.set("Idempotency-Key", "k-" + taskId);
        ResponseEntity<JsonNode> longTaskId = http.postForEntity("/api/v1/projects/" + "a".repeat(300) + "/lyrics",
                new HttpEntity<>(null, idempotent), JsonNode.class);

        assertProblem(noBoundary, HttpStatus.BAD_REQUEST);
        assertProblem(cutShort, HttpStatus.BAD_REQUEST);
        assertProblem(longTaskId, HttpStatus.NOT_FOUND);
        assertThat(count("image")).isEqualTo(before);

        String longName = "bread-".repeat(50) + ".png";
        assertThat(upload(taskId, file(longName, image("png"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String kept = http.getForObject("/api/v1/projects/" + taskId, JsonNode.class)
                .get("images").get(0).get("originalName").asText();
        assertThat(kept).isEqualTo(longName.substring(0, 255));
    }

    private ResponseEntity<JsonNode> rawUpload(String taskId, String contentType, String body) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        return http.postForEntity("/api/v1/projects/" + taskId + "/images", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> createProject(Map<String, String> body) {
        return http.postForEntity("/api/v1/projects", new HttpEntity<>(body, jsonHeaders()), JsonNode.class);
    }

    private String newProject() {
        return createProject(Map.of("storeName", "Bakery Min", "region", "Busan", "language", "en"))
                .getBody().get("taskId").asText();
    }

    private ResponseEntity<JsonNode> requestLyrics(String taskId, String json) {
        return http.postForEntity("/api/v1/projects/" + taskId + "/lyrics", new HttpEntity<>(json, jsonHeaders()),
                JsonNode.class);
    }

    @SafeVarargs
    private ResponseEntity<JsonNode> upload(String taskId, HttpEntity<ByteArrayResource>... files) {
        var parts = new LinkedMultiValueMap<String, Object>();
        for (HttpEntity<ByteArrayResource> file : files) {
            parts.add("files", file);
        }
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/v1/projects/" + taskId + "/images", new HttpEntity<>(parts, headers),
                JsonNode.class);
    }

    private static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    private static byte[] image(String format) throws IOException {
        var picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 4, 0xFF8800);
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture, format, out);
        return out.toByteArray();
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpHeaders jsonHeaders() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status.value());
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
