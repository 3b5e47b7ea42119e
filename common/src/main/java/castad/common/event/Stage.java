package castad.common.event;

public enum Stage {
    LYRIC, SONG, VIDEO;

    /** Whether this stage's completion completes the pipeline. */
    public boolean last() {
        return this == VIDEO;
    }
}
