package castad.local.deadletters;

import java.util.List;
import java.util.Optional;

/**
 * The six castad topics and their dead-letter twins {@code <topic>.dlt}. The same list as
 * {@code castad.common.event.Topics.ALL} (a test keeps them equal); copied so that this tool runs on
 * the Kafka client alone, whatever state the {@code common} module is in.
 */
public final class DeadLetterTopics {

    public static final List<String> TOPICS = List.of(
            "castad.lyric.requested", "castad.song.requested", "castad.video.requested",
            "castad.blob.requested", "castad.provider.callbacks", "castad.pipeline.events");

    static final String SUFFIX = ".dlt";

    private DeadLetterTopics() {
    }

    /** Every dead-letter topic, in the order of {@link #TOPICS}. */
    public static List<String> all() {
        return TOPICS.stream().map(topic -> topic + SUFFIX).toList();
    }

    /** The dead-letter topic named by {@code name}: a castad topic or its {@code .dlt} twin; empty for anything else. */
    public static Optional<String> resolve(String name) {
        if (TOPICS.contains(name)) {
            return Optional.of(name + SUFFIX);
        }
        if (name.endsWith(SUFFIX) && TOPICS.contains(originalOf(name))) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /** {@code castad.lyric.requested.dlt} -> {@code castad.lyric.requested}. */
    static String originalOf(String deadLetterTopic) {
        return deadLetterTopic.endsWith(SUFFIX)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length())
                : deadLetterTopic;
    }
}
