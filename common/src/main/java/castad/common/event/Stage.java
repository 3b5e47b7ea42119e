package castad.common.event;

public enum Stage {
    LYRIC, SONG, VIDEO
}
