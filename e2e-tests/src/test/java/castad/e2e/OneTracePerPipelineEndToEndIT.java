package castad.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.event.Topics;
import castad.common.kafka.EventHeaders;
import castad.testsupport.KafkaProbe;
import castad.testsupport.KafkaProbe.Message;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees in Jaeger: one trace per pipeline, through the gateway, every worker, the outbox, the
 * providers' webhooks and polls, OpenAI's answer on another thread and blob-worker's direct sends.
 */
class OneTracePerPipelineEndToEndIT {

    private final Castad castad = new Castad();

    @Test
    void everyEventOfOnePipelineCarriesThatPipelinesTraceIdAndNoOtherPipelinesOne() {
        try (var kafka = new KafkaProbe(Topics.ALL)) {
            List<String> tasks = List.of(castad.projectWithPhotos("Trace Bakery", "en", 2),
                    castad.projectWithPhotos("Trace Noodles", "ko", 2));

            tasks.forEach(task -> castad.post(task, "pipeline", null));

            tasks.forEach(task -> kafka.await(m -> task.equals(m.key())
                    && "PipelineCompleted".equals(m.header(EventHeaders.EVENT_TYPE)), 1, Duration.ofSeconds(120)));
            List<Set<String>> traces = tasks.stream().map(task -> {
                List<Message> events = kafka.await(m -> task.equals(m.key()), 1, Duration.ofSeconds(5));
                assertThat(events).extracting(Message::topic).as("every hop of the pipeline")
                        .contains(Topics.LYRIC_REQUESTED, Topics.SONG_REQUESTED, Topics.VIDEO_REQUESTED,
                                Topics.BLOB_REQUESTED, Topics.PROVIDER_CALLBACKS, Topics.PIPELINE_EVENTS);
                assertThat(events).allSatisfy(event -> assertThat(event.header("traceparent"))
                        .as("%s on %s", event.header(EventHeaders.EVENT_TYPE), event.topic())
                        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
                return events.stream().map(event -> event.header("traceparent").substring(3, 35))
                        .collect(Collectors.toSet());
            }).toList();

            assertThat(traces).allSatisfy(traceIds -> assertThat(traceIds).as("trace ids of one pipeline").hasSize(1));
            assertThat(traces.get(0)).doesNotContainAnyElementsOf(traces.get(1));
        }
    }
}
