package castad.simulators.openai;

import castad.simulators.fault.AdjustableLatency;
import castad.simulators.fault.OutcomeQueue;

/** The test-controlled behaviour of the OpenAI simulator: scripted outcomes and the default latency. */
record OpenAiFaults(OutcomeQueue<ScriptedOutcome> script, AdjustableLatency latency) {
}
