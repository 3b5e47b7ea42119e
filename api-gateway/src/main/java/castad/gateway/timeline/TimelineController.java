package castad.gateway.timeline;

import castad.gateway.project.Projects;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/projects/{taskId}/events}: Server-Sent Events of the task's timeline, what already
 * happened first. An open stream holds no thread; it ends when the client leaves or after the timeout.
 */
@RestController
class TimelineController {

    private final Projects projects;
    private final TimelineFeed feed;
    private final TimelineHistory history;
    private final Duration timeout;

    TimelineController(Projects projects, TimelineFeed feed, TimelineHistory history,
                       @Value("${castad.timeline.stream-timeout:30m}") Duration timeout) {
        this.projects = projects;
        this.feed = feed;
        this.history = history;
        this.timeout = timeout;
    }

    @GetMapping(path = "/api/v1/projects/{taskId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable("taskId") String requestedTaskId) {
        // the stored spelling: events are published under it, and a UUID may be asked for in upper case
        String taskId = projects.get(requestedTaskId).taskId();
        var emitter = new SseEmitter(timeout.toMillis());
        var stream = new TimelineStream(emitter, taskId);
        Runnable stopWatching = feed.watch(taskId, stream);
        emitter.onCompletion(stopWatching);
        emitter.onTimeout(stopWatching);
        emitter.onError(error -> stopWatching.run());
        stream.replay(history.of(taskId));
        return emitter;
    }
}
