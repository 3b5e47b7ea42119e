package castad.gateway.timeline;

import castad.common.event.Topics;
import castad.common.kafka.EventHeaders;
import castad.common.tracing.TaskTraces;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The live timeline: every gateway instance reads all of {@code castad.pipeline.events} (a consumer group of
 * its own, from the latest offset) and hands each event to the clients watching that task here.
 *
 * <p>Until its partitions are assigned, the feed sees nothing: an event published in that gap (a gateway
 * just started, or a rebalance) would never reach a stream that is already open. So on every assignment,
 * once the positions are fixed, each open stream catches up from the recorded history (every event is
 * recorded before it is published); streams send each event once, by its id.
 */
@Component
class TimelineFeed implements SmartLifecycle, ConsumerSeekAware {

    private final Map<String, Set<TimelineStream>> watchers = new ConcurrentHashMap<>();
    private final TimelineHistory history;
    private final ReadableResults results;
    private final TaskTraces traces;
    private volatile boolean running;

    TimelineFeed(TimelineHistory history, ReadableResults results, TaskTraces traces) {
        this.history = history;
        this.results = results;
        this.traces = traces;
    }

    /**
     * Values are taken as the JSON they were published as: most events are of tasks nobody watches here, and
     * a watched one goes to its clients as it is, so nothing needs reading (and no record can fail to be). A
     * poll's records come as one batch: the feed does for each only a map look-up, too little to be worth a
     * listener invocation (and its observation) of its own. Each event's trace is remembered for its task, so
     * that a webhook reaching this instance continues the pipeline's trace ({@link TaskTraces}).
     */
    @KafkaListener(topics = Topics.PIPELINE_EVENTS, groupId = "api-gateway-timeline-${random.uuid}", batch = "true",
            properties = {"auto.offset.reset=latest",
                    "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer"})
    void on(List<ConsumerRecord<String, String>> records) {
        records.forEach(this::deliver);
    }

    private void deliver(ConsumerRecord<String, String> record) {
        traces.remember(record.key(), header(record, TaskTraces.HEADER));
        Set<TimelineStream> watching = watchers.get(record.key());
        if (watching == null || watching.isEmpty()) {
            return;
        }
        var entry = results.of(new TimelineEntry(header(record, EventHeaders.EVENT_ID),
                header(record, EventHeaders.EVENT_TYPE), header(record, EventHeaders.OCCURRED_AT), record.value()));
        watching.forEach(watcher -> watcher.accept(entry));
    }

    /** Spring Kafka calls this after reading each partition's position, so nothing published later is missed. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (watchers.isEmpty()) {
            return;
        }
        history.ofAll(watchers.keySet()).forEach((taskId, recorded) ->
                watchers.getOrDefault(taskId, Set.of()).forEach(stream -> stream.catchUp(recorded)));
    }

    /**
     * A comment to every open stream now and then: a client that left is found at the next write (its stream
     * ends and frees its place in the key's quota), and proxies do not cut an idle stream.
     */
    @Scheduled(fixedDelayString = "${castad.timeline.heartbeat:PT15S}", initialDelayString = "${castad.timeline.heartbeat:PT15S}")
    void heartbeat() {
        watchers.values().forEach(streams -> streams.forEach(TimelineStream::heartbeat));
    }

    Runnable watch(String taskId, TimelineStream watcher) {
        watchers.computeIfAbsent(taskId, key -> ConcurrentHashMap.newKeySet()).add(watcher);
        return () -> watchers.computeIfPresent(taskId, (key, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise wait for
     * them; clients reconnect to another instance and get the history again.
     */
    @Override
    public void stop() {
        running = false;
        watchers.values().forEach(streams -> streams.forEach(TimelineStream::end));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String header(ConsumerRecord<String, ?> record, String name) {
        return EventHeaders.text(record.headers(), name).orElse("");
    }
}
