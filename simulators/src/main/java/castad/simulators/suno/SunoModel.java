package castad.simulators.suno;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The models sunoapi.org accepts, with their length limits in custom mode. */
enum SunoModel {

    V3_5(3000, 200, 80), V4(3000, 200, 80), V4_5(5000, 1000, 100), V4_5PLUS(5000, 1000, 100),
    V4_5ALL(5000, 1000, 100), V5(5000, 1000, 100);

    /** The prompt limit outside custom mode, where the prompt is a description of the song. */
    static final int DESCRIPTION_LIMIT = 500;

    final int promptLimit;
    final int styleLimit;
    final int titleLimit;

    SunoModel(int promptLimit, int styleLimit, int titleLimit) {
        this.promptLimit = promptLimit;
        this.styleLimit = styleLimit;
        this.titleLimit = titleLimit;
    }

    static Optional<SunoModel> named(String name) {
        return Arrays.stream(values()).filter(model -> model.name().equals(name)).findFirst();
    }

    /** The name a song reports, e.g. {@code chirp-v4-5all}. */
    String songModelName() {
        return "chirp-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
