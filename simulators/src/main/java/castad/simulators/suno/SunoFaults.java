package castad.simulators.suno;

import java.util.concurrent.atomic.AtomicReference;

import castad.simulators.callback.CallbackDelivery;
import castad.simulators.fault.Chaos;
import castad.simulators.fault.OutcomeQueue;
import castad.simulators.stats.FaultTally;

/**
 * The test-controlled behaviour of the Suno simulator: scripted outcomes, timing, callback delivery
 * and random faults (chaos).
 */
final class SunoFaults {

    private final OutcomeQueue<SunoOutcome> script = new OutcomeQueue<>();
    private final AtomicReference<SunoTiming> timing;
    private final AtomicReference<CallbackDelivery> callbacks;
    private final Chaos chaos;

    SunoFaults(SunoSettings settings, FaultTally faults) {
        timing = new AtomicReference<>(settings.timing());
        callbacks = new AtomicReference<>(settings.callbacks());
        chaos = new Chaos(settings.chaos(), faults);
    }

    OutcomeQueue<SunoOutcome> script() {
        return script;
    }

    SunoTiming timing() {
        return timing.get();
    }

    void changeTiming(SunoTiming next) {
        timing.set(next);
    }

    Chaos chaos() {
        return chaos;
    }

    CallbackDelivery callbacks() {
        return callbacks.get();
    }

    void changeCallbacks(CallbackDelivery next) {
        callbacks.set(next);
    }
}
