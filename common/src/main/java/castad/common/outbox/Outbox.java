package castad.common.outbox;

import castad.common.event.CastadEvent;
import castad.common.event.PipelineEvent;
import castad.common.kafka.EventRecords.Envelope;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an event in the caller's transaction, so that a state change and the event announcing it commit
 * together or not at all; the {@link OutboxRelay} publishes it after the commit. Timeline events are also
 * kept per task ({@code timeline_event}), for clients that start watching a task late.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, OutboxRelay relay, Clock clock) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.clock = clock;
    }

    public void append(CastadEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the transaction of the state change it announces");
        }
        Envelope envelope = Envelope.of(event, clock.instant());
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(envelope.eventId(), envelope.topic(), envelope.key(), envelope.eventType(),
                        envelope.payload(), Timestamp.from(envelope.occurredAt()))
                .update();
        if (event instanceof PipelineEvent) {
            recordOnTimeline(envelope);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
    }

    private void recordOnTimeline(Envelope envelope) {
        jdbc.sql("""
                INSERT INTO timeline_event (task_id, event_id, event_type, payload, occurred_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(envelope.key(), envelope.eventId(), envelope.eventType(), envelope.payload(),
                        Timestamp.from(envelope.occurredAt()))
                .update();
    }
}
