package castad.gateway.stage;

import jakarta.validation.constraints.Size;

/** @param style Suno's style tags (default: an upbeat jingle); @param title default: the store's name */
public record SongOptions(@Size(max = 200) String style, @Size(max = 80) String title) {

    static final SongOptions NONE = new SongOptions(null, null);
}
