package castad.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import castad.common.CommonTestApplication;
import castad.common.event.LyricRequested;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.StageQueued;
import castad.common.event.StageStarted;
import castad.common.event.Topics;
import castad.testsupport.InfrastructureTest;
import castad.testsupport.KafkaProbe.Message;
import castad.testsupport.KafkaProbe;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

// a timeline-only row is held for 3 s, unless a row a worker acts on comes, which goes at once unless the relay sent
// less than 2 s ago (the sweep takes rows after 1 s)
@SpringBootTest(classes = CommonTestApplication.class, properties = {"castad.outbox.sweep-after=1s",
        "castad.outbox.timeline-hold=3s", "castad.outbox.send-spacing=2s"})
class OutboxRelayIT extends InfrastructureTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxConfiguration.OutboxRelayPool relayPool;

    KafkaProbe probe;

    @BeforeEach
    void listen() {
        probe = new KafkaProbe(List.of(Topics.LYRIC_REQUESTED, Topics.PIPELINE_EVENTS));
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void committedEventsArePublishedInOrderWithTheirHeadersAndRemovedFromTheOutbox() {
        String task = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            outbox.append(new LyricRequested(task, 1));
            outbox.append(new StageQueued(task, Stage.LYRIC, 1));
            outbox.append(new StageStarted(task, Stage.LYRIC, 1));
            outbox.append(new StageCompleted(task, Stage.LYRIC, 1, null));
        });

        List<Message> messages = probe.forTask(task, 4);

        assertThat(messages).filteredOn(m -> m.topic().equals(Topics.PIPELINE_EVENTS))
                .extracting(m -> m.header("eventType"))
                .containsExactly("StageQueued", "StageStarted", "StageCompleted");
        Message first = messages.stream().filter(m -> m.topic().equals(Topics.LYRIC_REQUESTED)).findFirst().orElseThrow();
        assertThat(first.header("eventType")).isEqualTo("LyricRequested");
        assertThat(first.header("taskId")).isEqualTo(task);
        assertThat(first.header("schemaVersion")).isEqualTo("1");
        assertThat(first.header("eventId")).hasSize(36);
        assertThat(first.header("occurredAt")).isNotBlank();
        assertThat(first.value()).isEqualTo("{\"taskId\":\"" + task + "\",\"lyricId\":1}");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(outboxRowsFor(task))
                .as("deleted once Kafka acknowledged them, without a sweep").isZero());
        assertThat(jdbc.sql("SELECT event_type FROM timeline_event WHERE task_id = ? ORDER BY id").param(task)
                .query(String.class).list()).containsExactly("StageQueued", "StageStarted", "StageCompleted");
    }

    @Test
    void aRowOnlyTheTimelineReadsWaitsForTheNextRowAWorkerActsOnAndGoesOutBeforeIt() {
        String task = UUID.randomUUID().toString();
        probe.assigned();
        transactions.executeWithoutResult(status -> outbox.append(new StageStarted(task, Stage.LYRIC, 1)));

        await().during(Duration.ofMillis(600)).atMost(Duration.ofMillis(900))
                .until(() -> probe.seenForTask(task).isEmpty());
        transactions.executeWithoutResult(status -> outbox.append(new StageCompleted(task, Stage.LYRIC, 1, null)));

        // the sweep may also send a row held past its age (at least once): the first of each is what counts
        probe.await(completionOf(task), 1, Duration.ofSeconds(30));
        List<String> types = eventTypes(task);
        assertThat(types.indexOf("StageStarted")).isNotNegative().isLessThan(types.indexOf("StageCompleted"));
    }

    private static Predicate<Message> completionOf(String task) {
        return m -> task.equals(m.key()) && "StageCompleted".equals(m.header("eventType"));
    }

    private List<String> eventTypes(String task) {
        return probe.seenForTask(task).stream().map(m -> m.header("eventType")).toList();
    }

    @Test
    void aRowAWorkerActsOnGoesAtOnceUnlessTheRelaySentAMomentAgoThenAtTheEndOfTheSpacing() {
        String task = UUID.randomUUID().toString();
        probe.assigned();
        transactions.executeWithoutResult(status -> outbox.append(new LyricRequested(task, 1)));
        probe.forTask(task, 1);

        transactions.executeWithoutResult(status -> outbox.append(new StageCompleted(task, Stage.LYRIC, 1, null)));
        // not before the sweep could take it either (1 s old): only the spacing holds it
        await().during(Duration.ofMillis(600)).atMost(Duration.ofMillis(900))
                .until(() -> !eventTypes(task).contains("StageCompleted"));

        assertThat(probe.await(completionOf(task), 1, Duration.ofSeconds(30))).isNotEmpty();
    }

    @Test
    void aRolledBackChangeAnnouncesNothing() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            outbox.append(new StageQueued(rolledBack, Stage.LYRIC, 2));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> outbox.append(new StageQueued(committed, Stage.LYRIC, 3)));

        probe.forTask(committed, 1);

        assertThat(probe.await(m -> rolledBack.equals(m.key()), 0, Duration.ofSeconds(1))).isEmpty();
        assertThat(outboxRowsFor(rolledBack)).isZero();
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(new StageQueued("t", Stage.LYRIC, 4)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A process that died between its commit and its relay's send leaves the rows to any relay's sweep. */
    @Test
    void rowsCommittedButNeverHandedOffAreSweptOnceOldEnoughAndSentOnce() {
        String task = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, occurred_at)
                VALUES (?, ?, ?, 'StageQueued', ?, UTC_TIMESTAMP(6))""")
                .params(eventId, Topics.PIPELINE_EVENTS, task, "{\"taskId\":\"" + task + "\",\"stage\":\"LYRIC\",\"stageId\":6}")
                .update());

        assertThat(probe.forTask(task, 1)).extracting(m -> m.header("eventId")).containsExactly(eventId);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(outboxRowsFor(task)).isZero());
        await("sent once: the sweep deleted what it sent").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> probe.await(m -> task.equals(m.key()), 0, Duration.ofSeconds(1)).size() == 1);
    }

    /**
     * Under MariaDB's default REPEATABLE READ the relay's claim locked the gap after the last row, so every
     * append (an INSERT at the end of the id index) waited for the relay's Kafka send, and the two deadlocked
     * under load (W1: ~500 deadlocks, each a 503 or a batch sent twice).
     */
    @Test
    void anAppendNeverWaitsForTheRelaysClaimOnTheRowsItSends() throws Exception {
        var relayTransactions = new TransactionTemplate(new DataSourceTransactionManager(relayPool.dataSource()));
        var claimHeld = new CountDownLatch(1);
        var appended = new CountDownLatch(1);
        var relay = CompletableFuture.runAsync(() -> relayTransactions.executeWithoutResult(status -> {
            JdbcClient.create(relayPool.dataSource()).sql(OutboxRelay.SWEEP_CLAIM)
                    .params(Timestamp.from(Instant.now().plusSeconds(60)), 100).query().listOfRows();
            claimHeld.countDown();
            awaitLatch(appended);
        }));
        assertThat(claimHeld.await(10, TimeUnit.SECONDS)).isTrue();
        String task = UUID.randomUUID().toString();
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SET SESSION innodb_lock_wait_timeout = 2").update();
                outbox.append(new StageQueued(task, Stage.LYRIC, 5));
            });
        } finally {
            jdbc.sql("SET SESSION innodb_lock_wait_timeout = DEFAULT").update();
            appended.countDown();
            relay.get(10, TimeUnit.SECONDS);
        }

        assertThat(probe.forTask(task, 1)).extracting(m -> m.header("eventType")).containsExactly("StageQueued");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long outboxRowsFor(String task) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE record_key = ?").param(task)
                .query(Long.class).single();
    }
}
