package castad.video;

import castad.common.blob.BlobStore;
import castad.common.http.ProviderFailure;
import castad.video.creatomate.Template;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template: photos by their order into {@code Photo-1..N} (repeated when there are fewer photos than
 * slots), the store's name into {@code Title}, the lyrics into {@code Lyrics}, and the song into {@code Music}.
 * Files are handed over as signed URLs the provider can download. {@code Music}, {@code Title} and (for a project
 * with photos) a {@code Photo-N} are needed, wherever the template nests them; a template without one of them would
 * render placeholder content with no error, so it fails the video before anything is paid ({@code TEMPLATE_MISMATCH},
 * naming the element). {@code Lyrics} is filled where the template shows them.
 */
final class Modifications {

    private static final Pattern PHOTO_SLOT = Pattern.compile("Photo-(\\d+)");

    private Modifications() {
    }

    static final String TEMPLATE_MISMATCH = "TEMPLATE_MISMATCH";

    static Map<String, String> of(Template template, RenderInput input, BlobStore blobs) {
        List<String> slots = photoSlots(template);
        requireElement(template, "Music", "the song");
        requireElement(template, "Title", "the store's name");
        if (slots.isEmpty() && !input.photos().isEmpty()) {
            throw mismatch(template, "Photo-1", "the photos");
        }
        Map<String, String> modifications = new LinkedHashMap<>();
        for (int i = 0; i < slots.size() && !input.photos().isEmpty(); i++) {
            RenderInput.Stored photo = input.photos().get(i % input.photos().size());
            modifications.put(slots.get(i), blobs.readUrl(photo.container(), photo.name()));
        }
        putIfPresent(template, modifications, "Title", input.storeName());
        putIfPresent(template, modifications, "Lyrics", input.lyrics());
        putIfPresent(template, modifications, "Music", blobs.readUrl(input.song().container(), input.song().name()));
        return modifications;
    }

    private static void requireElement(Template template, String name, String what) {
        if (template.elements().stream().noneMatch(element -> name.equals(element.name()))) {
            throw mismatch(template, name, what);
        }
    }

    private static ProviderFailure mismatch(Template template, String element, String what) {
        return ProviderFailure.permanent(TEMPLATE_MISMATCH, "The video template " + template.id()
                + " has no element named " + element + " for " + what + "; choose a template that has one");
    }

    private static List<String> photoSlots(Template template) {
        return template.elements().stream()
                .map(Template.Element::name)
                .filter(name -> name != null && PHOTO_SLOT.matcher(name).matches())
                .sorted(Comparator.comparingInt(Modifications::slotNumber))
                .toList();
    }

    private static int slotNumber(String name) {
        Matcher matcher = PHOTO_SLOT.matcher(name);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }

    private static void putIfPresent(Template template, Map<String, String> modifications, String name, String value) {
        if (value != null && template.elements().stream().anyMatch(e -> name.equals(e.name()))) {
            modifications.put(name, value);
        }
    }
}
