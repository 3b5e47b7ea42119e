package castad.simulators.fault;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a rate limit injected by chaos carries its retry headers: always, never, or at random. */
public enum RetryAfter {

    PRESENT, ABSENT, RANDOM;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RetryAfter of(String name) {
        return Arrays.stream(values()).filter(value -> value.jsonName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("retryAfter must be one of present|absent|random"));
    }
}
