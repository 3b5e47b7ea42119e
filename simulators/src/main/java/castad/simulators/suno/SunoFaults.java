package castad.simulators.suno;

import java.util.concurrent.atomic.AtomicReference;

import castad.simulators.callback.CallbackDelivery;
import castad.simulators.fault.OutcomeQueue;

/** The test-controlled behaviour of the Suno simulator: scripted outcomes, timing, callback delivery. */
final class SunoFaults {

    private final OutcomeQueue<SunoOutcome> script = new OutcomeQueue<>();
    private final AtomicReference<SunoTiming> timing;
    private final AtomicReference<CallbackDelivery> callbacks;

    SunoFaults(SunoSettings settings) {
        timing = new AtomicReference<>(settings.timing());
        callbacks = new AtomicReference<>(settings.callbacks());
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

    CallbackDelivery callbacks() {
        return callbacks.get();
    }

    void changeCallbacks(CallbackDelivery next) {
        callbacks.set(next);
    }
}
