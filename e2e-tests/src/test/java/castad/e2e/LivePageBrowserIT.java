package castad.e2e;

import static castad.e2e.PipelineEndToEndIT.download;
import static castad.e2e.PipelineEndToEndIT.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import castad.testsupport.Commands;
import castad.testsupport.TestApiKeys;
import castad.testsupport.TestSimulators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The page at {@code /} in Debian's Chromium, driven by the scripts in src/test/node (playwright-core): a person
 * enters a key, fills the form, chooses three photos, removes one, swaps the others, presses Generate from the
 * keyboard, reloads mid-pipeline, and plays the video; someone opens a failed task by its address. What they
 * saw is checked against the API and Blob.
 */
class LivePageBrowserIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SCREENSHOTS = Path.of("target", "page").toAbsolutePath();

    private final Castad castad = new Castad();

    @AfterEach
    void clearScripts() {
        TestSimulators.delete("/sim/creatomate/script");
    }

    @Test
    void aPersonMakesAnAdvertOnThePageAndPlaysItsVideo() throws Exception {
        JsonNode seen = drive(photos("photo-1.png", "photo-2.png", "photo-3.png"));

        assertThat(seen.get("pageErrors")).as("errors in the page's console").isEmpty();
        assertThat(seen.get("keyPrompts").asInt()).as("asked once, and again after a wrong key").isEqualTo(2);
        assertThat(seen.get("wrongKeyReason").asText()).contains("not known");
        assertThat(seen.get("keyAskedAfterReload").asBoolean()).as("the key is kept for the tab").isFalse();
        assertThat(seen.get("emptyFormMessages")).extracting(JsonNode::asText).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat(seen.get("limits").asText()).contains("20 photos", "10 MB each");
        assertThat(seen.get("tabsToGenerate").asInt()).as("Generate is reached with the Tab key").isPositive();
        assertThat(seen.get("phoneOverflowPx").asInt()).as("wider than a phone's screen by").isLessThanOrEqualTo(0);

        JsonNode task = castad.task(seen.get("taskId").asText());
        assertThat(task.get("storeName").asText()).isEqualTo("Haneul Bakery");
        assertThat(task.get("language").asText()).isEqualTo("en");
        assertThat(task.get("images")).as("uploaded as arranged: the third removed, the other two swapped")
                .extracting(image -> image.get("originalName").asText()).containsExactly("photo-2.png", "photo-1.png");
        assertThat(task.get("pipeline").get("status").asText()).isEqualTo("completed");

        Map<String, JsonNode> cards = cards(seen);
        assertThat(cards).containsOnlyKeys("LYRIC", "SONG", "SONG_COPY", "VIDEO", "VIDEO_COPY");
        assertThat(cards.values()).allSatisfy(card -> assertThat(card.get("status").asText()).isEqualTo("done"));
        assertThat(cards.get("LYRIC").get("text").asText()).contains(task.get("lyric").get("providerId").asText());
        assertThat(cards.get("SONG").get("text").asText()).contains(task.get("song").get("providerId").asText());
        assertThat(cards.get("VIDEO").get("text").asText()).contains(task.get("video").get("providerId").asText());
        assertThat(seen.get("outcome").asText()).startsWith("Your advert is ready");

        assertThat(seen.get("lyrics").asText().strip()).isEqualTo(task.get("lyric").get("text").asText().strip());
        assertThat(path(seen.get("songSrc").asText())).isEqualTo(path(task.get("song").get("resultUrl").asText()));
        assertThat(sha256(download(seen.get("videoSrc").asText()))).as("the player's video is the rendered one")
                .isEqualTo(TestSimulators.text("/sim/media/video.sha256").strip());
        assertThat(seen.get("videoDuration").asDouble()).as("the player read the video's length").isPositive();
        assertThat(seen.get("videoDownload").asText()).isEqualTo(seen.get("videoSrc").asText());
        assertThat(seen.get("galleryFirst").asText()).as("the newest video in the gallery").isEqualTo("Haneul Bakery");
        assertThat(SCREENSHOTS.resolve("live-page.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("live-page-phone.png")).isNotEmptyFile();
    }

    @Test
    void aFailedPipelineOpenedByItsAddressIsToldInPlainWords() throws Exception {
        TestSimulators.post("/sim/creatomate/script", "{\"outcomes\":[{\"httpStatus\":402,"
                + "\"hint\":\"Insufficient credits\"}]}");
        String taskId = castad.projectWithPhotos("Out Of Credits Cafe", "en", 1);
        castad.post(taskId, "pipeline", null);
        castad.awaitTask(taskId, Castad::pipelineEnded, Duration.ofSeconds(60));

        JsonNode seen = browse("watch-failed-task.mjs", Map.of("CASTAD_PAGE_URL",
                RunningCastad.gatewayUrl() + "/#task=" + taskId));

        assertThat(seen.get("pageErrors")).isEmpty();
        assertThat(seen.get("outcome").asText())
                .contains("Creatomate's account has run out of credits", "CREATOMATE_INSUFFICIENT_CREDITS");
        Map<String, JsonNode> cards = cards(seen);
        assertThat(cards.get("LYRIC").get("status").asText()).isEqualTo("done");
        assertThat(cards.get("SONG_COPY").get("status").asText()).isEqualTo("done");
        assertThat(cards.get("VIDEO").get("status").asText()).isEqualTo("failed");
        assertThat(cards.get("VIDEO").get("text").asText()).contains("Creatomate's account has run out of credits",
                "castad's Creatomate credits are used up; an operator must top them up");
        assertThat(cards.get("VIDEO_COPY").get("status").asText()).isEqualTo("waiting");
        assertThat(seen.get("resultsHidden").asBoolean()).as("no video player without a video").isTrue();
    }

    private static Map<String, JsonNode> cards(JsonNode seen) {
        Map<String, JsonNode> cards = new HashMap<>();
        seen.get("cards").forEach(card -> cards.put(card.get("step").asText(), card));
        return cards;
    }

    private static JsonNode drive(List<Path> photos) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        return browse("make-advert.mjs", Map.of("CASTAD_PAGE_URL", RunningCastad.gatewayUrl() + "/",
                "CASTAD_PHOTOS", String.join(",", photos.stream().map(Path::toString).toList()),
                "CASTAD_SCREENSHOTS", SCREENSHOTS.toString()));
    }

    /** Runs one of src/test/node's scripts as alice; what it saw (its RESULT line). */
    private static JsonNode browse(String script, Map<String, String> environment) throws Exception {
        Map<String, String> all = new HashMap<>(environment);
        all.put("CASTAD_API_KEY", TestApiKeys.ALICE);
        all.put("CASTAD_NODE_TOOLS", Commands.nodeTools(ROOT, "playwright-core").toString());
        var result = Commands.run(ROOT, List.of("node", "e2e-tests/src/test/node/" + script), all,
                Duration.ofMinutes(4));
        assertThat(result.exitCode()).as(result.output()).isZero();
        String line = result.output().lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no RESULT line:\n" + result.output()));
        return new ObjectMapper().readTree(line.substring("RESULT ".length()));
    }

    private static List<Path> photos(String... names) throws Exception {
        Path directory = Files.createTempDirectory("castad-page-photos");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            files.add(Files.write(directory.resolve(names[i]), photo(i)));
        }
        return files;
    }

    /** A photo a person could tell from the others at a glance: a gradient in a hue of its own, and a sun. */
    private static byte[] photo(int seed) throws Exception {
        var picture = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = picture.createGraphics();
        float hue = 0.08f + 0.3f * seed;
        paint.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.55f, 0.95f), 0, 240,
                Color.getHSBColor(hue + 0.1f, 0.8f, 0.45f)));
        paint.fillRect(0, 0, 320, 240);
        paint.setColor(new Color(255, 236, 170));
        paint.fillOval(200 - 40 * seed, 40, 70, 70);
        paint.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }

    /** A signed URL without its signature: two reads of one blob are signed at different times. */
    private static String path(String url) {
        return URI.create(url).getRawPath();
    }
}
