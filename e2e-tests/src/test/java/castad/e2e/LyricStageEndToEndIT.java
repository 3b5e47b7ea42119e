package castad.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import castad.testsupport.TestSimulators;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The original API's step-by-step use: lyrics alone, through Kafka, written by the lyric worker. */
class LyricStageEndToEndIT {

    private final Castad castad = new Castad();

    @Test
    void aProjectWithTwoPhotosGetsLyricsWrittenByTheWorkerThroughKafka() {
        String taskId = castad.projectWithPhotos("Haneul Bakery", "ko", 2);

        JsonNode lyric = castad.post(taskId, "lyrics", Map.of("prompt", "Mention the sea breeze"));

        assertThat(lyric.get("status").asText()).isEqualTo("pending");
        JsonNode task = castad.awaitTask(taskId, t -> "completed".equals(t.path("lyric").path("status").asText()),
                Duration.ofSeconds(60));
        assertThat(task.get("lyric").get("text").asText()).contains("Haneul Bakery").containsPattern("\\p{IsHangul}");
        assertThat(task.get("images")).extracting(i -> i.get("order").asInt()).containsExactly(1, 2);
        assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.get("id").asLong())).isEqualTo(1);
    }
}
