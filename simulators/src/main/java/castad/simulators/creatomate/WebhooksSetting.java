package castad.simulators.creatomate;

import jakarta.validation.constraints.NotNull;

import castad.simulators.callback.CallbackDelivery;

/** Body of PUT /sim/creatomate/webhooks and the answer of GET: {@code {"webhooks":"normal|drop|duplicate"}}. */
record WebhooksSetting(@NotNull CallbackDelivery webhooks) {
}
