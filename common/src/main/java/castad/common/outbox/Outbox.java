package castad.common.outbox;

import castad.common.event.CastadEvent;
import castad.common.event.EventTypes;
import castad.common.event.PipelineEvent;
import castad.common.kafka.EventJson;
import castad.common.kafka.EventRecords.Envelope;
import castad.common.metrics.StageMetrics;
import castad.common.tracing.TaskTraces;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an event in the caller's transaction, so that a state change and the event announcing it commit
 * together or not at all; the {@link OutboxRelay} publishes it after the commit. Timeline events are also
 * kept per task ({@code timeline_event}), for clients that start watching a task late. Each row keeps the task's
 * trace ({@link TaskTraces}), which the relay sends along as the record's {@code traceparent}.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final Clock clock;
    private final TaskTraces traces;
    private final StageMetrics metrics;

    public Outbox(JdbcClient jdbc, OutboxRelay relay, Clock clock, TaskTraces traces, StageMetrics metrics) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.clock = clock;
        this.traces = traces;
        this.metrics = metrics;
    }

    public void append(CastadEvent event) {
        requireTransaction("Outbox.append needs the transaction of the state change it announces");
        Envelope envelope = Envelope.of(event, clock.instant());
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, occurred_at, trace_parent)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(envelope.eventId(), envelope.topic(), envelope.key(), envelope.eventType(),
                        envelope.payload(), Timestamp.from(envelope.occurredAt()), traces.forTask(event.taskId()))
                .update();
        if (event instanceof PipelineEvent) {
            recordOnTimeline(envelope);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
                metrics.announced(event, envelope.occurredAt());
            }
        });
    }

    /**
     * Keeps, on the task's recorded timeline, an event that was published without an outbox (blob-worker keeps
     * no rows), in the transaction of the state change it caused: a client that starts watching late is
     * replayed what a live watcher saw, and a redelivery that changes nothing records nothing.
     */
    public void recordOnTimeline(Received<?> received) {
        requireTransaction("Outbox.recordOnTimeline needs the transaction of the state change the event caused");
        PipelineEvent event = received.event();
        recordOnTimeline(event.taskId(), received.eventId(), EventTypes.nameOf(event), EventJson.write(event),
                received.occurredAt());
    }

    private void recordOnTimeline(Envelope envelope) {
        recordOnTimeline(envelope.key(), envelope.eventId(), envelope.eventType(), envelope.payload(),
                envelope.occurredAt());
    }

    private void recordOnTimeline(String taskId, String eventId, String eventType, String payload,
                                  Instant occurredAt) {
        jdbc.sql("""
                INSERT INTO timeline_event (task_id, event_id, event_type, payload, occurred_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(taskId, eventId, eventType, payload, Timestamp.from(occurredAt))
                .update();
    }

    private static void requireTransaction(String why) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(why);
        }
    }
}
