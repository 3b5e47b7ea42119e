package castad.simulators.openai.lyrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the simulator writes lyrics in, recognised by code ({@code ko}, {@code ko-KR}) or name. */
enum LyricLanguage {

    KO("ko", "kr", "kor", "korean", "한국어"),
    EN("en", "eng", "english"),
    JA("ja", "jp", "jpn", "japanese", "日本語"),
    ZH("zh", "cn", "zho", "chi", "chinese", "中文");

    private final List<String> names;

    LyricLanguage(String... names) {
        this.names = List.of(names);
    }

    String code() {
        return names.get(0);
    }

    static Optional<LyricLanguage> fromTag(String tag) {
        var normalized = tag.trim().toLowerCase(Locale.ROOT);
        var primary = normalized.split("[-_]")[0];
        return Arrays.stream(values())
                .filter(language -> language.names.contains(normalized) || language.names.contains(primary))
                .findFirst();
    }
}
