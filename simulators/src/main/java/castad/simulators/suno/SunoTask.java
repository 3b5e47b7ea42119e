package castad.simulators.suno;

import java.time.Instant;
import java.util.List;

import castad.simulators.progress.Stopwatch;
import castad.simulators.progress.Timeline;

/**
 * One accepted generate request: two songs that appear over {@code timeline}. {@code baseUrl} is
 * where the request came in, the root of the songs' URLs.
 */
record SunoTask(String taskId, String param, GenerateRequest request, String baseUrl, Instant createdAt,
                Stopwatch stopwatch, Timeline<TaskStatus> timeline, String errorMessage, List<String> songIds) {

    TaskStatus status() {
        return timeline.stateAt(stopwatch.elapsed());
    }
}
