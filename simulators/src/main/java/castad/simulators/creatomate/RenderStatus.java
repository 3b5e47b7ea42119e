package castad.simulators.creatomate;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A render's status; only {@code succeeded} and {@code failed} are terminal. */
enum RenderStatus {

    PLANNED, WAITING, TRANSCRIBING, RENDERING, SUCCEEDED, FAILED;

    @JsonValue
    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
