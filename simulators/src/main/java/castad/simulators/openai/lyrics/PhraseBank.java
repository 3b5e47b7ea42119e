package castad.simulators.openai.lyrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The lines lyrics are made of, in one language; {@code {store}} stands for the store name.
 * Every hook names the store, so every chorus does.
 */
record PhraseBank(String fallbackStore, List<String> titles, List<String> verses, List<String> hooks,
                  List<String> choruses, List<String> bridges) {

    private static final String PHRASES = "/castad/simulators/openai/lyrics/phrases.json";

    static Map<LyricLanguage, PhraseBank> loadAll() {
        try (InputStream in = PhraseBank.class.getResourceAsStream(PHRASES)) {
            var banks = new ObjectMapper().readValue(in, new TypeReference<Map<LyricLanguage, PhraseBank>>() { });
            if (!banks.keySet().containsAll(EnumSet.allOf(LyricLanguage.class))) {
                throw new IllegalStateException(PHRASES + " lacks a language: it has " + banks.keySet());
            }
            return banks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PHRASES, e);
        }
    }
}
