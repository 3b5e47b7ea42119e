package castad.video;

import java.util.List;

/** Everything a render is made of, read in one short transaction. */
record RenderInput(String templateId, String storeName, String lyrics, Stored song, List<Stored> photos) {

    /** Where a file is in Blob. */
    record Stored(String container, String name) {
    }
}
