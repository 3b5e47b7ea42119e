package castad.simulators.openai;

import static castad.simulators.SimulatorHttp.chatRequest;
import static castad.simulators.SimulatorHttp.lyricRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import castad.simulators.RunningSimulatorTest;
import castad.simulators.SimulatorHttp;

class ChatCompletionsTest extends RunningSimulatorTest {

    @Test
    void answersWithTheDocumentedCompletionShapeAndOpenAiHeaders() {
        var reply = simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en"));

        assertThat(reply.status()).isEqualTo(200);
        var body = reply.body();
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("id", "object", "created", "model", "choices", "usage");
        assertThat(body.get("id").asText()).matches("chatcmpl-[A-Za-z0-9]{29}");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("created").asLong()).isGreaterThan(1_700_000_000L);
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.at("/choices/0/index").asInt()).isZero();
        assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        var usage = body.get("usage");
        assertThat(usage.get("prompt_tokens").asLong()).isPositive();
        assertThat(usage.get("completion_tokens").asLong()).isPositive();
        assertThat(usage.get("total_tokens").asLong())
                .isEqualTo(usage.get("prompt_tokens").asLong() + usage.get("completion_tokens").asLong());
        assertThat(reply.header("x-request-id")).matches("req_[0-9a-f]{32}");
        assertThat(reply.header("x-ratelimit-limit-requests")).isEqualTo("10000");
        assertThat(reply.header("x-ratelimit-remaining-requests")).matches("\\d+");
        assertThat(reply.header("x-ratelimit-reset-requests")).matches("[0-9hm.]+s");
        assertThat(reply.header("x-ratelimit-remaining-tokens")).matches("\\d+");
    }

    @Test
    void givesTheSameLyricsForTheSameMessagesAndOthersForAnotherStore() {
        var first = simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en")).content();
        var again = simulator.chat(lyricRequest("lyric-2", "Mori Bakery", "en")).content();
        var other = simulator.chat(lyricRequest("lyric-3", "Blue Door Cafe", "en")).content();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first).contains("Blue Door Cafe");
    }

    @ParameterizedTest(name = "Language: {0}")
    @CsvSource({
            "ko, \\p{IsHangul}",
            "ja, [\\p{IsHiragana}\\p{IsKatakana}]",
            "zh, \\p{IsHan}",
            "en, [A-Za-z]"})
    void writesTheLyricsInTheLanguageThePromptAsksFor(String language, String script) {
        var lyric = simulator.chat(lyricRequest("lyric-7", "Store 7", language)).content();

        var words = lyric.replace("Store 7", "").replaceAll("\\[\\w+]", "");
        assertThat(words).containsPattern(script);
        if (!language.equals("ja")) {
            assertThat(words).doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}]");
        }
        if (!language.equals("ko")) {
            assertThat(words).doesNotContainPattern("\\p{IsHangul}");
        }
        if (!language.equals("en")) {
            assertThat(words).doesNotContainPattern("[A-Za-z]");
        }
    }

    @Test
    void writesEnglishWhenThePromptNamesNoLanguage() {
        var request = chatRequest("lyric-8", List.of(Map.of("role", "user", "content", "Store: Hana Flowers\nA jingle please")));

        var lyric = simulator.chat(request).content();

        assertThat(lyric).contains("Hana Flowers").doesNotContainPattern("\\p{IsHangul}|\\p{IsHan}");
    }

    @Test
    void writesATitleThenAVerseAndAChorusOfEightToTwelveLinesNamingTheStore() {
        var lyric = simulator.chat(lyricRequest("lyric-9", "마루 분식", "ko")).content();

        var lines = lyric.lines().toList();
        var lyricLines = lines.stream().skip(1).filter(line -> !line.isBlank() && !line.startsWith("[")).toList();
        assertThat(lines.get(0)).isNotBlank().doesNotStartWith("[");
        assertThat(lines).contains("[Verse]", "[Chorus]");
        assertThat(lyricLines).hasSizeBetween(8, 12);
        assertThat(lyric.substring(lyric.indexOf("[Chorus]"))).contains("마루 분식");
    }

    @Test
    void readsMessageContentGivenAsAnArrayOfParts() {
        var parts = List.of(Map.of("type", "text", "text", "Store: Parts Diner\nLanguage: en"));
        var request = chatRequest("lyric-10", List.of(Map.of("role", "user", "content", parts)));

        assertThat(simulator.chat(request).content()).contains("Parts Diner");
    }

    @Test
    void rejectsARequestWithoutAnApiKeyWithOpenAisErrorBody() {
        var reply = simulator.send("POST", "/v1/chat/completions", lyricRequest("lyric-11", "Nope", "en"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(reply.body().at("/error/message").asText()).contains("API key");
        assertThat(reply.body().get("error").has("param")).isTrue();
        assertThat(reply.body().get("error").has("code")).isTrue();
        assertThat(reply.header("x-request-id")).startsWith("req_");
        assertThat(simulator.get("/sim/stats").body().at("/openai/submissions").asLong()).isZero();
    }

    @Test
    void rejectsARequestWithoutMessagesNamingTheMissingParameter() {
        var reply = simulator.chat(Map.of("model", "gpt-4o-mini"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(reply.body().at("/error/param").asText()).isEqualTo("messages");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        var reply = simulator.chat(SimulatorHttp.raw("{not json"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
    }
}
