package castad.gateway.timeline;

import castad.common.event.CastadEvent;
import castad.common.event.Topics;
import castad.common.kafka.EventHeaders;
import castad.common.kafka.EventJson;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The live timeline: every gateway instance reads all of {@code castad.pipeline.events} (a consumer group of
 * its own, from the latest offset) and hands each event to the clients watching that task here.
 */
@Component
class TimelineFeed {

    private final Map<String, Set<Consumer<TimelineEntry>>> watchers = new ConcurrentHashMap<>();

    @KafkaListener(topics = Topics.PIPELINE_EVENTS, groupId = "api-gateway-timeline-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, CastadEvent> record) {
        Set<Consumer<TimelineEntry>> watching = watchers.get(record.key());
        if (watching == null || watching.isEmpty()) {
            return;
        }
        var entry = new TimelineEntry(header(record, EventHeaders.EVENT_ID), header(record, EventHeaders.EVENT_TYPE),
                header(record, EventHeaders.OCCURRED_AT), EventJson.write(record.value()));
        watching.forEach(watcher -> watcher.accept(entry));
    }

    Runnable watch(String taskId, Consumer<TimelineEntry> watcher) {
        watchers.computeIfAbsent(taskId, key -> ConcurrentHashMap.newKeySet()).add(watcher);
        return () -> watchers.computeIfPresent(taskId, (key, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    private static String header(ConsumerRecord<String, ?> record, String name) {
        return EventHeaders.text(record.headers(), name).orElse("");
    }
}
