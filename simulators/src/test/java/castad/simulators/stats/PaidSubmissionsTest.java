package castad.simulators.stats;

import static castad.simulators.SimulatorHttp.lyricRequest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import castad.simulators.RunningSimulatorTest;

class PaidSubmissionsTest extends RunningSimulatorTest {

    @Test
    void countsEverySuccessfulCompletionAsASubmission() {
        simulator.chat(lyricRequest("lyric-1", "Mori", "en"));
        simulator.chat(lyricRequest("lyric-2", "Mori", "en"));

        var openai = simulator.get("/sim/stats").body().get("openai");
        assertThat(openai.get("submissions").asLong()).isEqualTo(2);
        assertThat(openai.get("duplicateSubmissions").asLong()).isZero();
    }

    @Test
    void countsASecondSuccessfulSubmissionForTheSameUserAsADuplicate() {
        simulator.chat(lyricRequest("lyric-42", "Mori", "en"));
        simulator.chat(lyricRequest("lyric-42", "Mori", "en"));
        simulator.chat(lyricRequest("lyric-42", "Mori", "en"));

        var openai = simulator.get("/sim/stats").body().get("openai");
        assertThat(openai.get("submissions").asLong()).isEqualTo(3);
        assertThat(openai.get("duplicateSubmissions").asLong()).isEqualTo(2);
        var ref = simulator.get("/sim/stats/openai/lyric-42").body();
        assertThat(ref.get("ref").asText()).isEqualTo("lyric-42");
        assertThat(ref.get("submissions").asLong()).isEqualTo(3);
    }

    @Test
    void neverCountsRequestsWithoutAUserAsDuplicates() {
        simulator.chat(lyricRequest(null, "Mori", "en"));
        simulator.chat(lyricRequest(null, "Mori", "en"));

        var openai = simulator.get("/sim/stats").body().get("openai");
        assertThat(openai.get("submissions").asLong()).isEqualTo(2);
        assertThat(openai.get("duplicateSubmissions").asLong()).isZero();
    }

    @Test
    void doesNotCountRequestsThatFailed() {
        simulator.script("[{\"status\":500},{\"status\":429,\"code\":\"insufficient_quota\"}]");

        simulator.chat(lyricRequest("lyric-5", "Mori", "en"));
        simulator.chat(lyricRequest("lyric-5", "Mori", "en"));
        simulator.chat(lyricRequest("lyric-5", "Mori", "en"));

        var openai = simulator.get("/sim/stats").body().get("openai");
        assertThat(openai.get("submissions").asLong()).isEqualTo(1);
        assertThat(openai.get("duplicateSubmissions").asLong()).isZero();
    }

    @Test
    void listsSunoAndCreatomateWithZeroCountsBeforeTheyAreSimulated() {
        var stats = simulator.get("/sim/stats").body();

        assertThat(stats.fieldNames()).toIterable().contains("openai", "suno", "creatomate");
        assertThat(stats.at("/suno/submissions").asLong()).isZero();
        assertThat(stats.at("/creatomate/duplicateSubmissions").asLong()).isZero();
        assertThat(simulator.get("/sim/stats/suno/song-1").body().get("submissions").asLong()).isZero();
        assertThat(simulator.get("/sim/stats/nobody/x").status()).isEqualTo(404);
    }

    @Test
    void deletingTheStatsResetsEveryCounter() {
        simulator.chat(lyricRequest("lyric-6", "Mori", "en"));
        simulator.chat(lyricRequest("lyric-6", "Mori", "en"));

        assertThat(simulator.send("DELETE", "/sim/stats", null).status()).isEqualTo(204);

        var openai = simulator.get("/sim/stats").body().get("openai");
        assertThat(openai.get("submissions").asLong()).isZero();
        assertThat(openai.get("duplicateSubmissions").asLong()).isZero();
        assertThat(simulator.get("/sim/stats/openai/lyric-6").body().get("submissions").asLong()).isZero();
    }
}
