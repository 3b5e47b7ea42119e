package castad.simulators.creatomate;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of POST /sim/creatomate/script, and the pending outcomes returned by it and by GET. */
record CreatomateScript(@NotNull List<@NotNull @Valid CreatomateOutcome> outcomes) {
}
