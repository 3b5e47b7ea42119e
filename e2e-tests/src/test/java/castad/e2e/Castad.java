package castad.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

/** What a client of castad does, in the words of the API. */
final class Castad {

    private final RestClient api = RunningCastad.api();

    String projectWithPhotos(String storeName, String language, int photos) {
        JsonNode project = api.post().uri("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeName", storeName, "region", "Jeju", "description", "Family-run since 1988",
                        "language", language))
                .retrieve().body(JsonNode.class);
        String taskId = project.get("taskId").asText();
        var parts = new MultipartBodyBuilder();
        for (int i = 1; i <= photos; i++) {
            String name = "photo-" + i + ".png";
            parts.part("files", new ByteArrayResource(png(i)) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        api.post().uri("/api/v1/projects/{taskId}/images", taskId).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build()).retrieve().toBodilessEntity();
        return taskId;
    }

    JsonNode post(String taskId, String what, Object body) {
        return api.post().uri("/api/v1/projects/{taskId}/{what}", taskId, what).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body).retrieve().body(JsonNode.class);
    }

    /** A project with {@code photos} photos, its pipeline started (default options) and awaited until it ended. */
    JsonNode endedPipeline(String storeName, int photos, Duration timeout) {
        String taskId = projectWithPhotos(storeName, "en", photos);
        post(taskId, "pipeline", null);
        return awaitTask(taskId, Castad::pipelineEnded, timeout);
    }

    JsonNode task(String taskId) {
        return api.get().uri("/api/v1/projects/{taskId}", taskId).retrieve().body(JsonNode.class);
    }

    JsonNode videos(int size) {
        return api.get().uri("/api/v1/videos?size={size}", size).retrieve().body(JsonNode.class);
    }

    JsonNode awaitTask(String taskId, Predicate<JsonNode> condition, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> task(taskId), condition);
    }

    static boolean pipelineEnded(JsonNode task) {
        String status = task.path("pipeline").path("status").asText();
        return status.equals("completed") || status.equals("failed");
    }

    private static byte[] png(int seed) {
        var picture = new BufferedImage(48, 64, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(seed, seed, 0x33AA55 * seed);
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(picture, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
