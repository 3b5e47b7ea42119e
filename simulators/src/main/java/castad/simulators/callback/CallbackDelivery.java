package castad.simulators.callback;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a simulated provider delivers its callbacks: each once, none at all, or each twice. */
public enum CallbackDelivery {

    NORMAL(1), DROP(0), DUPLICATE(2);

    /** For {@code @Pattern} checks of scripted outcomes. */
    public static final String NAMES = "normal|drop|duplicate";

    private final int copies;

    CallbackDelivery(int copies) {
        this.copies = copies;
    }

    public int copies() {
        return copies;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CallbackDelivery of(String name) {
        return Arrays.stream(values()).filter(delivery -> delivery.jsonName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("callback delivery must be one of " + NAMES));
    }
}
