package castad.simulators.creatomate;

import castad.simulators.progress.Stopwatch;
import castad.simulators.progress.Timeline;

/** One accepted render; {@code baseUrl} is where the request came in, the root of its file URLs. */
record Render(String id, RenderRequest request, String baseUrl, Stopwatch stopwatch, Timeline<RenderStatus> timeline,
              String errorMessage) {

    RenderStatus status() {
        return timeline.stateAt(stopwatch.elapsed());
    }
}
