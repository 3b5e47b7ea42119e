package castad.simulators.suno;

import jakarta.validation.constraints.NotNull;

import castad.simulators.callback.CallbackDelivery;

/** Body of PUT /sim/suno/callbacks and the answer of GET: {@code {"callbacks":"normal|drop|duplicate"}}. */
record CallbacksSetting(@NotNull CallbackDelivery callbacks) {
}
