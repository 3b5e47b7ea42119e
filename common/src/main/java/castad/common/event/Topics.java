package castad.common.event;

import java.util.List;

/** Topic names. Every topic has a dead-letter twin, {@code <topic>.dlt}. */
public final class Topics {

    public static final String LYRIC_REQUESTED = "castad.lyric.requested";
    public static final String SONG_REQUESTED = "castad.song.requested";
    public static final String VIDEO_REQUESTED = "castad.video.requested";
    public static final String BLOB_REQUESTED = "castad.blob.requested";
    public static final String PROVIDER_CALLBACKS = "castad.provider.callbacks";
    public static final String PIPELINE_EVENTS = "castad.pipeline.events";

    public static final List<String> ALL = List.of(
            LYRIC_REQUESTED, SONG_REQUESTED, VIDEO_REQUESTED, BLOB_REQUESTED, PROVIDER_CALLBACKS, PIPELINE_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The topic a command of this type is published to. */
    public static String of(CastadEvent event) {
        if (event instanceof LyricRequested) {
            return LYRIC_REQUESTED;
        }
        if (event instanceof SongRequested) {
            return SONG_REQUESTED;
        }
        if (event instanceof VideoRequested) {
            return VIDEO_REQUESTED;
        }
        if (event instanceof BlobRequested) {
            return BLOB_REQUESTED;
        }
        if (event instanceof ProviderCallback) {
            return PROVIDER_CALLBACKS;
        }
        if (event instanceof PipelineEvent) {
            return PIPELINE_EVENTS;
        }
        throw new IllegalArgumentException("No topic for " + event.getClass().getSimpleName());
    }
}
