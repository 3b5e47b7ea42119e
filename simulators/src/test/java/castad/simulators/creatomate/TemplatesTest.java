package castad.simulators.creatomate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import castad.simulators.RunningSimulatorTest;

class TemplatesTest extends RunningSimulatorTest {

    @Test
    void listsTheDefaultTemplateFirstThenTheNestedAndTheSilentOne() {
        var reply = simulator.authorized("GET", "/v1/templates", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().findValuesAsText("id")).containsExactly("castad-default", "castad-nested",
                "castad-no-music");
        var template = reply.body().get(0);
        assertThat(template.fieldNames()).toIterable().containsExactly("id", "name", "tags", "created_at", "updated_at");
        assertThat(template.get("id").asText()).isEqualTo("castad-default");
    }

    @Test
    void servesAVerticalMp4TemplateWithFivePhotoSlotsTitleLyricsAndMusic() {
        var template = simulator.authorized("GET", "/v1/templates/castad-default", null).body();

        assertThat(template.fieldNames()).toIterable()
                .containsExactly("id", "name", "tags", "created_at", "updated_at", "source");
        var source = template.get("source");
        assertThat(source.get("output_format").asText()).isEqualTo("mp4");
        assertThat(source.get("width").asInt()).isEqualTo(1080);
        assertThat(source.get("height").asInt()).isEqualTo(1920);
        var names = StreamSupport.stream(source.get("elements").spliterator(), false)
                .map(element -> element.get("name").asText()).toList();
        assertThat(names).containsExactly("Photo-1", "Photo-2", "Photo-3", "Photo-4", "Photo-5", "Title", "Lyrics", "Music");
        var elements = source.get("elements");
        assertThat(elements.get(4).get("type").asText()).isEqualTo("image");
        assertThat(elements.get(4).get("time").asInt()).isEqualTo(16);
        assertThat(elements.get(4).get("duration").asInt()).isEqualTo(4);
        assertThat(elements.get(5).get("type").asText()).isEqualTo("text");
        assertThat(elements.get(6).get("type").asText()).isEqualTo("text");
        assertThat(elements.get(7).get("type").asText()).isEqualTo("audio");
        assertThat(elements.get(7).get("duration").asText()).isEqualTo("media");
        assertThat(elements.get(7).get("audio_fade_out").isNumber()).isTrue();
    }

    @Test
    void countsTemplateFetchesInTheStatsAndResetsThemWithTheStats() {
        simulator.authorized("GET", "/v1/templates/castad-default", null);
        simulator.authorized("GET", "/v1/templates/castad-default", null);
        simulator.authorized("GET", "/v1/templates", null);
        var unknown = simulator.authorized("GET", "/v1/templates/nope", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("hint").asText()).contains("nope");
        var creatomate = simulator.get("/sim/stats").body().get("creatomate");
        assertThat(creatomate.fieldNames()).toIterable()
                .containsExactly("submissions", "duplicateSubmissions", "templateFetches", "faults");
        assertThat(creatomate.get("templateFetches").asLong()).isEqualTo(2);
        assertThat(simulator.get("/sim/stats").body().get("openai").fieldNames()).toIterable()
                .containsExactly("submissions", "duplicateSubmissions", "faults");
        simulator.send("DELETE", "/sim/stats", null);
        assertThat(simulator.get("/sim/stats").body().at("/creatomate/templateFetches").asLong()).isZero();
    }

    @Test
    void refusesATemplateRequestWithoutAKey() {
        var reply = simulator.send("GET", "/v1/templates/castad-default", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("hint").asText()).isNotBlank();
        assertThat(simulator.get("/sim/stats").body().at("/creatomate/templateFetches").asLong()).isZero();
    }

    @Test
    void theNestedTemplateKeepsThePhotosAndTheTitleInsideAComposition() {
        var source = simulator.authorized("GET", "/v2/templates/castad-nested", null).body().get("source");

        assertThat(source.get("elements").findValuesAsText("name")).contains("Scene", "Music", "Photo-1", "Title");
        assertThat(source.get("elements").get(0).get("type").asText()).isEqualTo("composition");
        assertThat(source.get("elements").get(0).get("elements").findValuesAsText("name")).contains("Photo-1", "Title");
    }
}
