package castad.gateway.timeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream: history first, then live events, each once and in order. Live events that arrive
 * while the history is being sent wait until it is done; an event in both is sent once (by its id).
 */
final class TimelineStream implements Consumer<TimelineEntry> {

    private final SseEmitter emitter;
    private final Set<String> sent = new HashSet<>();
    private List<TimelineEntry> waiting = new ArrayList<>();

    TimelineStream(SseEmitter emitter, String taskId) {
        this.emitter = emitter;
        // A comment first: the response starts at once, even for a task with no history yet.
        sendQuietly(SseEmitter.event().comment("timeline of task " + taskId));
    }

    @Override
    public synchronized void accept(TimelineEntry entry) {
        if (waiting != null) {
            waiting.add(entry);
        } else {
            send(entry);
        }
    }

    synchronized void replay(List<TimelineEntry> history) {
        history.forEach(this::send);
        waiting.forEach(this::send);
        waiting = null;
    }

    /** Sends what the recorded history holds that this stream has not sent yet (nothing while replaying). */
    synchronized void catchUp(List<TimelineEntry> recorded) {
        if (waiting == null) {
            recorded.forEach(this::send);
        }
    }

    private void send(TimelineEntry entry) {
        if (!sent.add(entry.eventId())) {
            return;
        }
        sendQuietly(SseEmitter.event().id(entry.eventId()).name(entry.eventType())
                .data(entry.json(), MediaType.APPLICATION_JSON));
    }

    synchronized void heartbeat() {
        sendQuietly(SseEmitter.event().comment("heartbeat"));
    }

    void end() {
        emitter.complete();
    }

    private void sendQuietly(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
