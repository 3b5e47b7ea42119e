package castad.simulators.creatomate;

import java.util.concurrent.atomic.AtomicReference;

import castad.simulators.callback.CallbackDelivery;
import castad.simulators.fault.Chaos;
import castad.simulators.fault.OutcomeQueue;
import castad.simulators.stats.FaultTally;

/**
 * The test-controlled behaviour of the Creatomate simulator: scripted outcomes, timing, webhook
 * delivery and random faults (chaos).
 */
final class CreatomateFaults {

    private final OutcomeQueue<CreatomateOutcome> script = new OutcomeQueue<>();
    private final AtomicReference<RenderTiming> timing;
    private final AtomicReference<CallbackDelivery> webhooks;
    private final Chaos chaos;

    CreatomateFaults(CreatomateSettings settings, FaultTally faults) {
        timing = new AtomicReference<>(settings.timing());
        webhooks = new AtomicReference<>(settings.webhooks());
        chaos = new Chaos(settings.chaos(), faults);
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

    Chaos chaos() {
        return chaos;
    }

    CallbackDelivery webhooks() {
        return webhooks.get();
    }

    void changeWebhooks(CallbackDelivery next) {
        webhooks.set(next);
    }
}
