package castad.simulators.openai.lyrics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

/**
 * Writes deterministic lyrics for a prompt: the same messages always give the same text, in the
 * language the prompt asks for, naming its store. A title line, then [Verse] and [Chorus] of four
 * lines each and sometimes a [Bridge] of two or four: 8 to 12 lyric lines.
 */
@Component
public class LyricWriter {

    private final Map<LyricLanguage, PhraseBank> banks = PhraseBank.loadAll();

    public String write(List<String> messages) {
        var facts = PromptFacts.of(messages);
        var bank = banks.get(facts.language());
        var random = new Random(seedOf(messages));
        var lines = new ArrayList<String>();
        lines.add(pick(bank.titles(), 1, random).get(0));
        section(lines, "[Verse]", pick(bank.verses(), 4, random));
        section(lines, "[Chorus]", pick(bank.hooks(), 1, random));
        lines.addAll(pick(bank.choruses(), 3, random));
        int bridgeLines = random.nextInt(3) * 2;
        if (bridgeLines > 0) {
            section(lines, "[Bridge]", pick(bank.bridges(), bridgeLines, random));
        }
        var store = facts.store().orElse(bank.fallbackStore());
        return String.join("\n", lines).replace("{store}", store);
    }

    private static void section(List<String> lines, String header, List<String> body) {
        lines.add("");
        lines.add(header);
        lines.addAll(body);
    }

    private static List<String> pick(List<String> phrases, int count, Random random) {
        var shuffled = new ArrayList<>(phrases);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, count);
    }

    private static long seedOf(List<String> messages) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            messages.forEach(message -> digest.update((message + '\u0000').getBytes(StandardCharsets.UTF_8)));
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
