package castad.video.creatomate;

import java.util.List;

/**
 * A Creatomate template as castad uses it: its id and its named elements, those inside compositions included (at any
 * depth). Immutable, so safe to share.
 */
public record Template(String id, List<Element> elements) {

    public Template {
        elements = List.copyOf(elements);
    }

    public record Element(String name, String type) {
    }
}
