package castad.simulators.creatomate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

/**
 * The templates the simulator serves: {@code castad-default} and any configured id, each a 1080x1920
 * mp4 RenderScript with {@code Photo-1..N} (4 s each), {@code Title}, {@code Lyrics} and {@code Music}; and two
 * shaped as real templates often are: {@code castad-nested} (the photos and the title inside a composition, as
 * Creatomate's editor nests a scene) and {@code castad-no-music} (no {@code Music} element: a template made for
 * another purpose).
 */
@Component
class TemplateCatalog {

    static final String DEFAULT_ID = "castad-default";
    static final String NESTED_ID = "castad-nested";
    static final String NO_MUSIC_ID = "castad-no-music";
    static final int WIDTH = 1080;
    static final int HEIGHT = 1920;
    private static final int PHOTO_SECONDS = 4;

    private final Map<String, Template> templates = new LinkedHashMap<>();

    TemplateCatalog(CreatomateSettings settings, Clock clock) {
        var created = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var ids = new LinkedHashSet<String>();
        ids.add(DEFAULT_ID);
        ids.addAll(settings.templateIds());
        ids.forEach(id -> templates.put(id, template(id, settings, created)));
        templates.put(NESTED_ID, new Template(NESTED_ID, "Castad store ad, one scene", List.of("castad", "vertical"),
                created.toString(), created.toString(), nestedSource(settings.photoSlots(), settings.frameRate())));
        templates.put(NO_MUSIC_ID, new Template(NO_MUSIC_ID, "Castad slideshow, silent", List.of("castad", "vertical"),
                created.toString(), created.toString(), silentSource(settings.photoSlots(), settings.frameRate())));
    }

    List<Template.Summary> summaries() {
        return templates.values().stream().map(Template::summary).toList();
    }

    Optional<Template> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    private static Template template(String id, CreatomateSettings settings, Instant created) {
        var name = DEFAULT_ID.equals(id) ? "Castad store ad" : "Castad template " + id;
        return new Template(id, name, List.of("castad", "vertical"), created.toString(), created.toString(),
                source(settings.photoSlots(), settings.frameRate()));
    }

    private static Map<String, Object> source(int photoSlots, int frameRate) {
        var elements = photosAndTitle(photoSlots);
        elements.add(text("Lyrics", 3, "", "78%", "5 vmin"));
        elements.add(ordered("name", "Music", "type", "audio", "track", 4, "source", "", "duration", "media",
                "audio_fade_out", 2));
        return script(frameRate, elements);
    }

    private static Map<String, Object> nestedSource(int photoSlots, int frameRate) {
        return script(frameRate, List.of(
                ordered("name", "Scene", "type", "composition", "track", 1, "elements", photosAndTitle(photoSlots)),
                ordered("name", "Music", "type", "audio", "track", 2, "source", "", "duration", "media")));
    }

    private static Map<String, Object> silentSource(int photoSlots, int frameRate) {
        return script(frameRate, photosAndTitle(photoSlots));
    }

    private static List<Map<String, Object>> photosAndTitle(int photoSlots) {
        var elements = new ArrayList<Map<String, Object>>();
        IntStream.rangeClosed(1, photoSlots).forEach(n -> elements.add(photo(n)));
        elements.add(text("Title", 2, "Store name", "18%", "8 vmin"));
        return elements;
    }

    private static Map<String, Object> script(int frameRate, List<Map<String, Object>> elements) {
        return ordered("output_format", "mp4", "width", WIDTH, "height", HEIGHT, "frame_rate", frameRate,
                "elements", elements);
    }

    private static Map<String, Object> photo(int n) {
        return ordered("name", "Photo-" + n, "type", "image", "track", 1, "time", (n - 1) * PHOTO_SECONDS,
                "duration", PHOTO_SECONDS, "source", "", "fit", "cover");
    }

    private static Map<String, Object> text(String name, int track, String text, String y, String fontSize) {
        return ordered("name", name, "type", "text", "track", track, "time", 0, "text", text, "y", y,
                "width", "86%", "font_size", fontSize, "fill_color", "#ffffff", "x_alignment", "50%");
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
