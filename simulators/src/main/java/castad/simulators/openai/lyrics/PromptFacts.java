package castad.simulators.openai.lyrics;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What our lyric prompt states on lines of its own: {@code Language: ko} and {@code Store: <name>}. */
record PromptFacts(LyricLanguage language, Optional<String> store) {

    private static final Pattern LANGUAGE = Pattern.compile("(?im)^\\s*Language\\s*:\\s*([^\\s,;.]+)");
    private static final Pattern STORE = Pattern.compile("(?im)^\\s*Store(?:\\s+name)?\\s*:\\s*(\\S.*?)\\s*$");

    static PromptFacts of(List<String> messages) {
        var language = lastMatch(LANGUAGE, messages).flatMap(LyricLanguage::fromTag).orElse(LyricLanguage.EN);
        return new PromptFacts(language, lastMatch(STORE, messages));
    }

    /** The latest statement wins: the user message comes after the system message. */
    private static Optional<String> lastMatch(Pattern pattern, List<String> messages) {
        Optional<String> found = Optional.empty();
        for (var message : messages) {
            Matcher matcher = pattern.matcher(message);
            while (matcher.find()) {
                found = Optional.of(matcher.group(1));
            }
        }
        return found;
    }
}
