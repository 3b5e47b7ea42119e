package castad.simulators.creatomate;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Body of PUT /sim/creatomate/timing and the answer of GET: status times in milliseconds from submission. */
record RenderTimingSetting(@NotNull @PositiveOrZero Long waitingAfterMs, @NotNull @PositiveOrZero Long transcribingAfterMs,
                           @NotNull @PositiveOrZero Long renderingAfterMs, @NotNull @PositiveOrZero Long finishedAfterMs) {

    static RenderTimingSetting of(RenderTiming timing) {
        return new RenderTimingSetting(timing.waitingAfter().toMillis(), timing.transcribingAfter().toMillis(),
                timing.renderingAfter().toMillis(), timing.finishedAfter().toMillis());
    }

    @JsonIgnore
    @AssertTrue(message = "the statuses must come in order: waitingAfterMs <= transcribingAfterMs <= renderingAfterMs"
            + " <= finishedAfterMs")
    boolean isInOrder() {
        return waitingAfterMs == null || transcribingAfterMs == null || renderingAfterMs == null || finishedAfterMs == null
                || waitingAfterMs <= transcribingAfterMs && transcribingAfterMs <= renderingAfterMs
                && renderingAfterMs <= finishedAfterMs;
    }

    RenderTiming timing() {
        return new RenderTiming(Duration.ofMillis(waitingAfterMs), Duration.ofMillis(transcribingAfterMs),
                Duration.ofMillis(renderingAfterMs), Duration.ofMillis(finishedAfterMs));
    }
}
