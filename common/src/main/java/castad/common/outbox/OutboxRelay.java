package castad.common.outbox;

import castad.common.kafka.EventRecords.Envelope;
import castad.common.kafka.EventRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka and deletes them once Kafka acknowledged them.
 *
 * <p>A transaction that wrote rows hands them to its own process's relay when it commits ({@link #handOff}):
 * the relay sends them in commit order without reading them back, and deletes what Kafka acknowledged in one
 * batch every {@link OutboxSettings#deleteEvery()}, without a transaction of its own. One statement for many
 * rows, where claiming each batch cost three (claim, delete, commit). What no relay sent (its process died
 * after the commit, Kafka refused the send, the hand-off queue was full) is swept: rows older than
 * {@link OutboxSettings#sweepAfter()} are claimed with {@code FOR UPDATE SKIP LOCKED}, so every instance of
 * every service can sweep, each taking rows the others are not sending. Either way a row is sent at least
 * once; consumers are idempotent.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Run at READ COMMITTED ({@link OutboxConfiguration}): it locks the rows it reads and no gap beside them. */
    static final String SWEEP_CLAIM = """
            SELECT id, event_id, topic, record_key, event_type, payload, occurred_at, trace_parent
            FROM outbox_event WHERE occurred_at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String ANY_LEFT = "SELECT EXISTS (SELECT 1 FROM outbox_event WHERE occurred_at < ?)";
    private static final String DELETE = "DELETE FROM outbox_event WHERE event_id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, Object> kafka;
    private final OutboxSettings settings;
    private final Clock clock;
    private final BlockingQueue<Unsent> handedOff;
    /** Acknowledged by Kafka, on the producer's thread. */
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    /** Acknowledged and not yet deleted; the relay thread's alone. */
    private final List<String> sent = new ArrayList<>();
    /** Handed off, not yet sent: rows no worker waits for ({@link #sendHandedOff}); the relay thread's alone. */
    private final List<Unsent> held = new ArrayList<>();
    /** When the first held row's hold ends. */
    private long heldUntil;
    /** Whether a held row is one a worker waits for. */
    private boolean awaitedHeld;
    /** When the relay last sent what it held. */
    private long lastSent = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private long deleteDue = Long.MAX_VALUE;
    private volatile Thread worker;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaOperations<String, Object> kafka,
                       OutboxSettings settings, Clock clock) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
        this.handedOff = new ArrayBlockingQueue<>(settings.handOffCapacity());
    }

    /**
     * The rows a transaction just committed, to send now. A full queue keeps the rest for the sweep: the
     * committing thread never waits for Kafka.
     */
    public void handOff(List<Unsent> rows) {
        if (worker == null) {
            return;
        }
        for (Unsent row : rows) {
            if (!handedOff.offer(row)) {
                log.warn("Outbox hand-off queue full ({} rows): the rest is sent by the sweep", handedOff.size());
                return;
            }
        }
    }

    /** Sweeps once: sends the rows older than {@link OutboxSettings#sweepAfter()}, a batch per transaction. */
    private void sweep() {
        Instant cutoff = clock.instant().minus(settings.sweepAfter());
        if (jdbc.sql(ANY_LEFT).param(cutoff).query(Long.class).single() == 0) {
            return;
        }
        while (sweepBatch(cutoff) == settings.batchSize()) {
            // a full batch means more rows are waiting
        }
    }

    private int sweepBatch(Instant cutoff) {
        Integer count = transactions.execute(status -> {
            List<Unsent> rows = jdbc.sql(SWEEP_CLAIM).params(cutoff, settings.batchSize())
                    .query(OutboxRelay::row).list();
            if (!rows.isEmpty()) {
                send(rows);
                delete(rows.stream().map(row -> row.envelope().eventId()).toList());
            }
            return rows.size();
        });
        return count == null ? 0 : count;
    }

    private void run() {
        long nextSweep = System.nanoTime() + settings.sweepInterval().toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                // acknowledgements come meanwhile: the relay looks for them at least once a delete period
                sendHandedOff(Math.min(nextSweep - System.nanoTime(), settings.deleteEvery().toNanos()));
                collectAcknowledged();
                if (System.nanoTime() >= deleteDue || sent.size() >= settings.batchSize()) {
                    deleteSent();
                }
                if (System.nanoTime() >= nextSweep) {
                    nextSweep = System.nanoTime() + settings.sweepInterval().toNanos();
                    sweep();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not publish or delete; the next round retries: {}", e.getMessage());
            }
        }
        finish();
    }

    /** On a clean stop: what was handed off is sent and deleted now rather than swept (sent again) later. */
    private void finish() {
        Thread.interrupted();
        try {
            while (!handedOff.isEmpty()) {
                sendHandedOff(0);
            }
            if (!held.isEmpty()) {
                sendHeld();
            }
            kafka.flush();
            collectAcknowledged();
            deleteSent();
        } catch (InterruptedException | RuntimeException e) {
            log.info("Outbox relay stopped with rows left for the sweep: {}", e.getMessage());
        }
    }

    /**
     * Waits up to the timeout for handed-off rows and sends what came; each acknowledgement queues the row's
     * deletion. While more rows wait, it does not wait for Kafka: the producer batches what is sent within its
     * linger (one produce request for several commits' rows).
     *
     * <p>Rows that only feed the timeline's watchers (no worker acts on them: {@link Unsent#awaited()}) are held
     * for up to {@link OutboxSettings#timelineHold()}, so that they go out in the produce request of the next row
     * a worker waits for instead of one of their own. A row that is awaited sends everything held before it, in
     * commit order: at once, or, if the relay sent less than {@link OutboxSettings#sendSpacing()} ago (it is
     * busy), at the end of that spacing, with what else came meanwhile. At a low rate nothing waits.
     */
    private void sendHandedOff(long timeoutNanos) throws InterruptedException {
        long wait = held.isEmpty() ? timeoutNanos : Math.min(timeoutNanos, heldDue() - System.nanoTime());
        Unsent first = handedOff.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
        if (first != null) {
            if (held.isEmpty()) {
                heldUntil = System.nanoTime() + settings.timelineHold().toNanos();
            }
            int before = held.size();
            held.add(first);
            handedOff.drainTo(held, Math.max(0, settings.batchSize() - held.size()));
            awaitedHeld = awaitedHeld || held.subList(before, held.size()).stream().anyMatch(Unsent::awaited);
        }
        if (!held.isEmpty() && (held.size() >= settings.batchSize() || System.nanoTime() >= heldDue())) {
            sendHeld();
        }
    }

    private long heldDue() {
        return awaitedHeld ? Math.min(heldUntil, lastSent + settings.sendSpacing().toNanos()) : heldUntil;
    }

    private void sendHeld() {
        List<Unsent> rows = List.copyOf(held);
        held.clear();
        awaitedHeld = false;
        lastSent = System.nanoTime();
        for (Unsent row : rows) {
            String eventId = row.envelope().eventId();
            kafka.send(EventRecords.of(row.envelope(), row.traceParent())).whenComplete((result, failure) -> {
                if (failure == null) {
                    acknowledged.add(eventId);
                } else {
                    log.warn("Outbox row {} not sent; the sweep sends it: {}", eventId, failure.getMessage());
                }
            });
        }
        if (handedOff.isEmpty()) {
            // nothing else to batch with: sent now rather than after the producer's linger (a hand-over crosses
            // two relays: 11 ms at a low rate with a send at once, 20 ms when each waited for the linger)
            kafka.flush();
        }
    }

    private void collectAcknowledged() {
        for (String eventId = acknowledged.poll(); eventId != null; eventId = acknowledged.poll()) {
            if (sent.isEmpty()) {
                deleteDue = System.nanoTime() + settings.deleteEvery().toNanos();
            }
            sent.add(eventId);
        }
    }

    /**
     * A failed delete keeps the ids for the next round; past a limit they are let go, and the sweep sends those
     * rows once more.
     */
    private void deleteSent() {
        try {
            delete(sent);
            sent.clear();
            deleteDue = Long.MAX_VALUE;
        } catch (RuntimeException e) {
            if (sent.size() > settings.handOffCapacity()) {
                sent.clear();
                deleteDue = Long.MAX_VALUE;
            } else {
                deleteDue = System.nanoTime() + settings.sweepInterval().toNanos();
            }
            throw e;
        }
    }

    /** The sweep's send: it deletes what it sent in the transaction that claimed it, so it waits for Kafka. */
    private void send(List<Unsent> rows) {
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
     * One delete per row by its event id, in one batch (MariaDB's bulk protocol, MySQL's rewrite: one round
     * trip). With {@code IN (...)} the optimizer, seeing a table that is nearly always empty, scanned it whole
     * and waited on the rows a sweep had claimed.
     */
    private void delete(List<String> eventIds) {
        batches.batchUpdate(DELETE, eventIds, eventIds.size(), (statement, eventId) -> statement.setString(1, eventId));
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

    private static Unsent row(ResultSet rs, int rowNum) throws SQLException {
        return new Unsent(new Envelope(rs.getString("event_id"), rs.getString("topic"), rs.getString("record_key"),
                rs.getString("event_type"), rs.getString("payload"), rs.getTimestamp("occurred_at").toInstant()),
                rs.getString("trace_parent"), true);
    }

    /**
     * An outbox row as written: the record to send and the task's trace. {@code awaited}: a worker acts on it (a
     * command, or a completion that starts the next stage); otherwise it only feeds the timeline's watchers.
     */
    public record Unsent(Envelope envelope, String traceParent, boolean awaited) {
    }
}
