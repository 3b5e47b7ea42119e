package castad.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castad.gateway.GatewayApplication;
import castad.lyric.LyricWorkerApplication;
import castad.testsupport.TestInfrastructure;
import castad.testsupport.TestSimulators;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The walking skeleton as a user drives it: the gateway and the lyric worker each in its own application
 * context (as separate services), against real Kafka, MariaDB, Azurite and the OpenAI simulator.
 */
class LyricStageEndToEndIT {

    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static RestClient api;

    @BeforeAll
    static void startServices() {
        Map<String, Object> infrastructure = new HashMap<>(TestInfrastructure.properties());
        infrastructure.put("castad.openai.simulator-url", TestSimulators.url());
        infrastructure.put("server.port", "0");
        ConfigurableApplicationContext gateway = start(GatewayApplication.class, infrastructure);
        start(LyricWorkerApplication.class, infrastructure);
        api = RestClient.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopServices() {
        services.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aProjectWithTwoPhotosGetsLyricsWrittenByTheWorkerThroughKafka() throws IOException {
        JsonNode project = api.post().uri("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeName", "Haneul Bakery", "region", "Jeju", "description", "Tangerine bread",
                        "language", "ko"))
                .retrieve().body(JsonNode.class);
        String taskId = project.get("taskId").asText();

        JsonNode images = api.post().uri("/api/v1/projects/{taskId}/images", taskId)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(photos("front.png", "bread.jpg")).retrieve().body(JsonNode.class);
        JsonNode lyric = api.post().uri("/api/v1/projects/{taskId}/lyrics", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("prompt", "Mention the sea breeze"))
                .retrieve().body(JsonNode.class);

        assertThat(images.get("images")).hasSize(2);
        assertThat(lyric.get("status").asText()).isEqualTo("pending");
        JsonNode task = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get().uri("/api/v1/projects/{taskId}", taskId).retrieve().body(JsonNode.class),
                        view -> "completed".equals(view.path("lyric").path("status").asText()));
        assertThat(task.get("lyric").get("text").asText()).contains("Haneul Bakery").containsPattern("\\p{IsHangul}");
        assertThat(task.get("images")).extracting(i -> i.get("order").asInt()).containsExactly(1, 2);
        assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.get("id").asLong())).isEqualTo(1);
    }

    private static ConfigurableApplicationContext start(Class<?> service, Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(service).run(args);
        services.add(context);
        return context;
    }

    private static MultiValueMap<String, HttpEntity<?>> photos(
            String... names) throws IOException {
        var parts = new MultipartBodyBuilder();
        for (String name : names) {
            String format = name.endsWith(".png") ? "png" : "jpg";
            parts.part("files", new ByteArrayResource(image(format)) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        return parts.build();
    }

    private static byte[] image(String format) throws IOException {
        var picture = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture, format, out);
        return out.toByteArray();
    }
}
