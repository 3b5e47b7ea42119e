package castad.simulators.suno;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of POST /sim/suno/script, and the pending outcomes returned by it and by GET. */
record SunoScript(@NotNull List<@NotNull @Valid SunoOutcome> outcomes) {
}
