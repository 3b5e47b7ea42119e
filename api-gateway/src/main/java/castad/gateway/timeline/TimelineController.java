package castad.gateway.timeline;

import castad.gateway.project.Projects;
import castad.gateway.quota.StreamQuota;
import castad.gateway.security.Caller;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    private final StreamQuota streams;
    private final Duration timeout;

    TimelineController(Projects projects, TimelineFeed feed, TimelineHistory history, StreamQuota streams,
                       @Value("${castad.timeline.stream-timeout:30m}") Duration timeout) {
        this.streams = streams;
        this.projects = projects;
        this.feed = feed;
        this.history = history;
        this.timeout = timeout;
    }

    @GetMapping(path = "/api/v1/projects/{taskId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Caller caller, @PathVariable("taskId") String requestedTaskId) {
        // the stored spelling: events are published under it, and a UUID may be asked for in upper case
        String taskId = projects.get(caller, requestedTaskId).taskId();
        Runnable closePlace = streams.open(caller);
        var emitter = new SseEmitter(timeout.toMillis());
        var stream = new TimelineStream(emitter, taskId);
        Runnable watching = feed.watch(taskId, stream);
        Runnable stopWatching = () -> {
            watching.run();
            closePlace.run();
        };
        emitter.onCompletion(stopWatching);
        emitter.onTimeout(stopWatching);
        emitter.onError(error -> stopWatching.run());
        try {
            stream.replay(history.of(taskId));
        } catch (RuntimeException e) {
            stopWatching.run(); // the stream never started: its place is free again
            throw e;
        }
        return emitter;
    }
}
