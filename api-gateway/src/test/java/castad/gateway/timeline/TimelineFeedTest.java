package castad.gateway.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import castad.common.event.Topics;
import castad.common.kafka.EventHeaders;
import castad.common.tracing.TaskTraces;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class TimelineFeedTest {

    private final TimelineHistory history = mock(TimelineHistory.class);
    private final ReadableResults results = mock(ReadableResults.class);
    private final TaskTraces traces = mock(TaskTraces.class);
    private final TimelineFeed feed = new TimelineFeed(history, results, traces);

    @Test
    void aPollsEventsReachTheStreamsWatchingTheirTasksAndEachTasksTraceIsRemembered() {
        when(results.of(any())).thenAnswer(call -> call.getArgument(0));
        var client = new RecordingEmitter();
        var stream = new TimelineStream(client, "task-3");
        feed.watch("task-3", stream);
        stream.replay(List.of());
        String traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        feed.on(List.of(record("task-3", "e3", traceParent), record("task-4", "e4", null),
                record("task-3", "e5", null)));

        assertThat(client.ids).containsExactly("e3", "e5");
        verify(traces).remember("task-3", traceParent);
    }

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

    private static ConsumerRecord<String, String> record(String taskId, String eventId, String traceParent) {
        var record = new ConsumerRecord<>(Topics.PIPELINE_EVENTS, 0, 0L, taskId, "{}");
        record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, "StageStarted".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.OCCURRED_AT, "2026-11-27T00:00:00Z".getBytes(StandardCharsets.UTF_8));
        if (traceParent != null) {
            record.headers().add(TaskTraces.HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
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
