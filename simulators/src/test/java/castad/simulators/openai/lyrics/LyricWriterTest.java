package castad.simulators.openai.lyrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LyricWriterTest {

    private final LyricWriter writer = new LyricWriter();

    @ParameterizedTest(name = "Language: {0}")
    @CsvSource({"ko, KO", "ko-KR, KO", "Korean, KO", "한국어, KO", "ja_JP, JA", "Japanese, JA", "zh-Hans, ZH",
            "中文, ZH", "EN, EN", "klingon, EN"})
    void readsTheLanguageFromACodeOrAName(String stated, LyricLanguage expected) {
        var facts = PromptFacts.of(List.of("Store: Mori\nLanguage: " + stated));

        assertThat(facts.language()).isEqualTo(expected);
        assertThat(facts.store()).contains("Mori");
    }

    @Test
    void theUserMessageOverridesTheSystemMessage() {
        var facts = PromptFacts.of(List.of("Language: en\nStore: Example", "Store name: Hana Flowers \nLanguage: ja"));

        assertThat(facts).isEqualTo(new PromptFacts(LyricLanguage.JA, Optional.of("Hana Flowers")));
    }

    @Test
    void singsOfALocalStoreWhenThePromptNamesNone() {
        assertThat(writer.write(List.of("Language: ko"))).contains("우리 가게");
    }

    @Test
    void everyLanguageHasEnoughPhrasesForEveryShapeOfLyric() {
        for (var language : LyricLanguage.values()) {
            var lengths = IntStream.range(0, 60)
                    .mapToObj(i -> writer.write(List.of("Store: S" + i + "\nLanguage: " + language.code())))
                    .map(lyric -> lyric.lines().skip(1).filter(l -> !l.isBlank() && !l.startsWith("[")).count())
                    .distinct().sorted().toList();

            assertThat(lengths).as(language.code()).containsExactly(8L, 10L, 12L);
        }
    }
}
