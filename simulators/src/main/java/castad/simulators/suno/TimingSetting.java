package castad.simulators.suno;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Body of PUT /sim/suno/timing and the answer of GET: step times in milliseconds from submission. */
record TimingSetting(@NotNull @PositiveOrZero Long textAfterMs, @NotNull @PositiveOrZero Long firstAfterMs,
                     @NotNull @PositiveOrZero Long completeAfterMs) {

    static TimingSetting of(SunoTiming timing) {
        return new TimingSetting(timing.textAfter().toMillis(), timing.firstAfter().toMillis(),
                timing.completeAfter().toMillis());
    }

    @JsonIgnore
    @AssertTrue(message = "the steps must come in order: textAfterMs <= firstAfterMs <= completeAfterMs")
    boolean isInOrder() {
        return textAfterMs == null || firstAfterMs == null || completeAfterMs == null
                || textAfterMs <= firstAfterMs && firstAfterMs <= completeAfterMs;
    }

    SunoTiming timing() {
        return new SunoTiming(Duration.ofMillis(textAfterMs), Duration.ofMillis(firstAfterMs),
                Duration.ofMillis(completeAfterMs));
    }
}
