package castad.gateway.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class TimelineFeedTest {

    private final TimelineHistory history = mock(TimelineHistory.class);
    private final TimelineFeed feed = new TimelineFeed(history, mock(ReadableResults.class));

    @Test
    void anOpenStreamGetsWhatWasPublishedBeforeTheFeedWasAssignedItsPartitions() {
        var client = new RecordingEmitter();
        var stream = new TimelineStream(client, "task-1");
        feed.watch("task-1", stream);
        stream.replay(List.of(entry("e1", "StageQueued")));
        when(history.ofAll(anyCollection())).thenReturn(
                Map.of("task-1", List.of(entry("e1", "StageQueued"), entry("e2", "StageCompleted"))));

        feed.onPartitionsAssigned(Map.of(), mock(ConsumerSeekCallback.class));

        assertThat(client.ids).containsExactly("e1", "e2");
    }

    @Test
    void aStreamThatLeftIsNotCaughtUp() {
        var client = new RecordingEmitter();
        var stream = new TimelineStream(client, "task-2");
        feed.watch("task-2", stream).run();
        stream.replay(List.of());

        feed.onPartitionsAssigned(Map.of(), mock(ConsumerSeekCallback.class));

        assertThat(client.ids).isEmpty();
    }

    private static TimelineEntry entry(String id, String type) {
        return new TimelineEntry(id, type, "2026-11-27T00:00:00Z", "{}");
    }

    /** Keeps the id of every event sent (the first send is the opening comment, which has none). */
    private static final class RecordingEmitter extends SseEmitter {
        final List<String> ids = new ArrayList<>();

        @Override
        public void send(SseEventBuilder event) {
            event.build().stream().map(part -> String.valueOf(part.getData()))
                    .flatMap(String::lines).filter(line -> line.startsWith("id:"))
                    .forEach(line -> ids.add(line.substring(3)));
        }
    }
}
