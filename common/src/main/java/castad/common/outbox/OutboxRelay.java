package castad.common.outbox;

import castad.common.kafka.EventRecords;
import castad.common.kafka.EventRecords.Envelope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order and deletes them once Kafka acknowledged them.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so every instance of every service can run a
 * relay: each takes rows the others are not sending. A commit wakes the relay at once; a timer sweep picks
 * up what no wake-up announced. Kafka acknowledges in milliseconds, so the row locks are held that long,
 * never across a provider call. A failed send rolls the batch back and it is sent again (at least once;
 * consumers are idempotent).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Run at READ COMMITTED ({@link OutboxConfiguration}): it locks the rows it reads and no gap beside them. */
    static final String CLAIM = """
            SELECT id, event_id, topic, record_key, event_type, payload, occurred_at, trace_parent
            FROM outbox_event ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, Object> kafka;
    private final OutboxSettings settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaOperations<String, Object> kafka,
                       OutboxSettings settings) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
    }

    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Sends one batch; returns how many rows it published. */
    public int publishBatch() {
        Integer sent = transactions.execute(status -> {
            List<Row> rows = claimBatch();
            if (rows.isEmpty()) {
                return 0;
            }
            sendAll(rows);
            delete(rows);
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private List<Row> claimBatch() {
        return jdbc.sql(CLAIM)
                .param(settings.batchSize())
                .query(OutboxRelay::row)
                .list();
    }

    private void sendAll(List<Row> rows) {
        CompletableFuture<?>[] acks = rows.stream()
                .map(row -> kafka.send(EventRecords.of(row.envelope(), row.traceParent())))
                .toArray(CompletableFuture[]::new);
        kafka.flush();
        try {
            CompletableFuture.allOf(acks).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
    }

    /**
     * One primary-key delete per row, in one batch: with {@code id IN (...)} the optimizer, seeing a table that
     * is nearly always empty, scanned it whole and waited on the rows other relays had claimed (the relays
     * deadlocked each other under load).
     */
    private void delete(List<Row> rows) {
        batches.batchUpdate("DELETE FROM outbox_event WHERE id = ?", rows, rows.size(),
                (statement, row) -> statement.setLong(1, row.id()));
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                awaitWork();
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not publish; retrying after {}: {}", settings.sweepInterval(),
                        e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void awaitWork() throws InterruptedException {
        wakeUps.tryAcquire(settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
    }

    private void drain() {
        while (publishBatch() == settings.batchSize()) {
            // a full batch means more rows are waiting
        }
    }

    private void sleepQuietly() {
        try {
            wakeUps.tryAcquire(settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (settings.relayEnabled()) {
            Thread thread = new Thread(this::run, "outbox-relay");
            thread.setDaemon(true);
            worker = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            joinQuietly(running);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Stops after the listeners (which write outbox rows) and before Kafka's producer goes away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("id"), new Envelope(rs.getString("event_id"), rs.getString("topic"),
                rs.getString("record_key"), rs.getString("event_type"), rs.getString("payload"),
                rs.getTimestamp("occurred_at").toInstant()), rs.getString("trace_parent"));
    }

    private record Row(long id, Envelope envelope, String traceParent) {
    }
}
