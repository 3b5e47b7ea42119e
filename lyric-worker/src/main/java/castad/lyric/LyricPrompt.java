package castad.lyric;

import castad.lyric.openai.ChatMessage;
import java.util.List;
import java.util.Map;

/** The conversation that asks ChatGPT for advertising-song lyrics about one store. */
final class LyricPrompt {

    private static final Map<String, String> LANGUAGE_NAMES =
            Map.of("ko", "Korean", "en", "English", "ja", "Japanese", "zh", "Chinese");

    private static final String SYSTEM = """
            You write lyrics for short, catchy advertising songs for local stores. Write singable lyrics \
            with a title line and [Verse] and [Chorus] sections, 8 to 16 lines in all, entirely in the \
            requested language. Mention the store by name. Answer with the lyrics only.""";

    private LyricPrompt() {
    }

    static List<ChatMessage> of(LyricJob job) {
        return List.of(new ChatMessage("system", SYSTEM), new ChatMessage("user", user(job)));
    }

    private static String user(LyricJob job) {
        StringBuilder text = new StringBuilder()
                .append("Store: ").append(job.storeName()).append('\n')
                .append("Region: ").append(job.region()).append('\n');
        appendIfPresent(text, "Address", job.address());
        appendIfPresent(text, "About the store", job.description());
        text.append("Language: ").append(job.language())
                .append(" (").append(LANGUAGE_NAMES.getOrDefault(job.language(), job.language())).append(")\n");
        appendIfPresent(text, "Extra instructions", job.instructions());
        return text.toString();
    }

    private static void appendIfPresent(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append(label).append(": ").append(value).append('\n');
        }
    }
}
