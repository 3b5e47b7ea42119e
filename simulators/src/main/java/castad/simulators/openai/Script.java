package castad.simulators.openai;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of POST /sim/openai/script, and the pending outcomes returned by it and by GET. */
record Script(@NotNull List<@NotNull @Valid ScriptedOutcome> outcomes) {
}
