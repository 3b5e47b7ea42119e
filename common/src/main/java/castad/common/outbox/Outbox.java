package castad.common.outbox;

import castad.common.event.CastadEvent;
import castad.common.event.EventTypes;
import castad.common.event.PipelineEvent;
import castad.common.event.StageCompleted;
import castad.common.kafka.EventJson;
import castad.common.kafka.EventRecords.Envelope;
import castad.common.metrics.StageMetrics;
import castad.common.tracing.TaskTraces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an event in the caller's transaction, so that a state change and the event announcing it commit
 * together or not at all; the commit hands it to the {@link OutboxRelay}, which publishes it. Timeline events are also
 * kept per task ({@code timeline_event}), for clients that start watching a task late. Each row keeps the task's
 * trace ({@link TaskTraces}), which the relay sends along as the record's {@code traceparent}.
 *
 * <p>What one transaction appends is written just before it commits, one multi-row insert per table, in the
 * order appended: a transaction that announces three events costs two statements, not five.
 *
 * <p>Times go to the driver as {@code Instant}s, here and in every castad statement: MariaDB's driver writes one
 * with a shared formatter, where a {@code java.sql.Timestamp} costs it a new {@code SimpleDateFormat} per parameter
 * (W1's profile: 6% of video-worker's CPU).
 */
public class Outbox {

    private static final String OUTBOX_ROW = "(?, ?, ?, ?, ?, ?, ?)";
    private static final String TIMELINE_ROW = "(?, ?, ?, ?, ?)";

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
        Pending pending = pending();
        pending.unsent.add(new OutboxRelay.Unsent(envelope, traces.forTask(event.taskId()), awaited(event)));
        if (event instanceof PipelineEvent) {
            pending.timeline.add(timelineRow(envelope.key(), envelope.eventId(), envelope.eventType(),
                    envelope.payload(), envelope.occurredAt()));
        }
        pending.announced.add(() -> metrics.announced(event, envelope.occurredAt()));
    }

    /**
     * Whether a worker acts on the event: a command, or a stage's completion that starts the next stage. The other
     * pipeline events only feed the timeline (its watchers, the recorded history), so their publication may wait
     * a moment for company ({@link OutboxSettings#timelineHold()}).
     */
    static boolean awaited(CastadEvent event) {
        return !(event instanceof PipelineEvent) || event instanceof StageCompleted completed && !completed.stage().last();
    }

    /**
     * Keeps, on the task's recorded timeline, an event that was published without an outbox (blob-worker keeps
     * no rows), in the transaction of the state change it caused: a client that starts watching late is
     * replayed what a live watcher saw, and a redelivery that changes nothing records nothing.
     */
    public void recordOnTimeline(Received<?> received) {
        requireTransaction("Outbox.recordOnTimeline needs the transaction of the state change the event caused");
        PipelineEvent event = received.event();
        pending().timeline.add(timelineRow(event.taskId(), received.eventId(), EventTypes.nameOf(event),
                EventJson.write(event), received.occurredAt()));
    }

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private void write(String table, String columns, String row, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO " + table + " " + columns + " VALUES " + String.join(", ", Collections.nCopies(rows.size(), row)))
                .params(rows.stream().flatMap(List::stream).toList())
                .update();
    }

    private static List<Object> outboxRow(OutboxRelay.Unsent row) {
        Envelope envelope = row.envelope();
        return Arrays.asList(envelope.eventId(), envelope.topic(), envelope.key(), envelope.eventType(),
                envelope.payload(), envelope.occurredAt(), row.traceParent());
    }

    private static List<Object> timelineRow(String taskId, String eventId, String eventType, String payload,
                                            Instant occurredAt) {
        return List.of(taskId, eventId, eventType, payload, occurredAt);
    }

    private static void requireTransaction(String why) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(why);
        }
    }

    /** What the current transaction appended, written in its last moment before the commit. */
    private final class Pending implements TransactionSynchronization {

        private final List<List<Object>> timeline = new ArrayList<>();
        private final List<OutboxRelay.Unsent> unsent = new ArrayList<>();
        private final List<Runnable> announced = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            write("outbox_event", "(event_id, topic, record_key, event_type, payload, occurred_at, trace_parent)",
                    OUTBOX_ROW, unsent.stream().map(Outbox::outboxRow).toList());
            write("timeline_event", "(task_id, event_id, event_type, payload, occurred_at)", TIMELINE_ROW, timeline);
        }

        @Override
        public void afterCommit() {
            if (!unsent.isEmpty()) {
                relay.handOff(unsent);
            }
            announced.forEach(Runnable::run);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
        }
    }
}
