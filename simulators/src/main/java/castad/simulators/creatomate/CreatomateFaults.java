package castad.simulators.creatomate;

import java.util.concurrent.atomic.AtomicReference;

import castad.simulators.callback.CallbackDelivery;
import castad.simulators.fault.OutcomeQueue;

/** The test-controlled behaviour of the Creatomate simulator: scripted outcomes, timing, webhook delivery. */
final class CreatomateFaults {

    private final OutcomeQueue<CreatomateOutcome> script = new OutcomeQueue<>();
    private final AtomicReference<RenderTiming> timing;
    private final AtomicReference<CallbackDelivery> webhooks;

    CreatomateFaults(CreatomateSettings settings) {
        timing = new AtomicReference<>(settings.timing());
        webhooks = new AtomicReference<>(settings.webhooks());
    }

    OutcomeQueue<CreatomateOutcome> script() {
        return script;
    }

    RenderTiming timing() {
        return timing.get();
    }

    void changeTiming(RenderTiming next) {
        timing.set(next);
    }

    CallbackDelivery webhooks() {
        return webhooks.get();
    }

    void changeWebhooks(CallbackDelivery next) {
        webhooks.set(next);
    }
}
