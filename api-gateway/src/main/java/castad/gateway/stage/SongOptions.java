package castad.gateway.stage;

import castad.gateway.web.PlainText;
import jakarta.validation.constraints.Size;

/** @param style Suno's style tags (default: an upbeat jingle); @param title default: the store's name */
public record SongOptions(@Size(max = 200) @PlainText String style, @Size(max = 80) @PlainText String title) {

    static final SongOptions NONE = new SongOptions(null, null);
}
