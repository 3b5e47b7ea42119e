package castad.simulators.openai;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

record LatencySetting(@NotNull @PositiveOrZero Long latencyMs) {
}
