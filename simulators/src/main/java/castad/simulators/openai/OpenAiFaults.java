package castad.simulators.openai;

import castad.simulators.fault.AdjustableLatency;
import castad.simulators.fault.Chaos;
import castad.simulators.fault.OutcomeQueue;

/**
 * The test-controlled behaviour of the OpenAI simulator: scripted outcomes, the default latency and
 * random faults (chaos, for requests no outcome was scripted for).
 */
record OpenAiFaults(OutcomeQueue<ScriptedOutcome> script, AdjustableLatency latency, Chaos chaos) {
}
