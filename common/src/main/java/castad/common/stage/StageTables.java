package castad.common.stage;

import castad.common.event.Stage;

/** Stage table names come from this enum only, never from input, so they can be put into SQL text. */
final class StageTables {

    private static final int MESSAGE_COLUMN_LENGTH = 1000;

    private StageTables() {
    }

    static String of(Stage stage) {
        return switch (stage) {
            case LYRIC -> "lyric";
            case SONG -> "song";
            case VIDEO -> "video";
        };
    }

    static String truncate(String message) {
        return message == null || message.length() <= MESSAGE_COLUMN_LENGTH
                ? message : message.substring(0, MESSAGE_COLUMN_LENGTH);
    }
}
