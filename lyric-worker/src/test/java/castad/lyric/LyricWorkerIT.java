package castad.lyric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castad.common.event.LyricRequested;
import castad.common.event.Topics;
import castad.common.kafka.EventRecords;
import castad.testsupport.InfrastructureTest;
import castad.testsupport.KafkaProbe;
import castad.testsupport.TestInfrastructure;
import castad.testsupport.TestSimulators;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {"castad.openai.retry.initial-backoff=50ms", "castad.openai.retry.max-wait=1s",
        "castad.lyric.sweep-interval=300ms", "castad.lyric.stale-pending=2s",
        // opens only after six transient failures in a row: more than any other test here produces
        "castad.openai.circuit-breaker.sliding-window-size=6", "castad.openai.circuit-breaker.minimum-number-of-calls=6",
        "castad.openai.circuit-breaker.failure-rate-threshold=100", "castad.openai.circuit-breaker.wait-in-open-state=3s",
        "castad.openai.circuit-breaker.permitted-calls-in-half-open=2"})
class LyricWorkerIT extends InfrastructureTest {

    private static final Duration STAGE_TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    CircuitBreakerRegistry circuitBreakers;
    @Autowired
    HikariDataSource pool;

    /** The test's own connection: reading rows must not borrow from the pool under observation. */
    private final JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(connection(), true));

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("castad.openai.simulator-url", TestSimulators::url);
    }

    @AfterEach
    void clearScript() {
        TestSimulators.clearOpenAiScript();
    }

    @Test
    void aRequestedLyricIsWrittenInTheProjectsLanguageAndAnnouncedOnTheTimeline() {
        Lyric lyric = pendingLyric("ja", "Sushi Ohana");
        try (var probe = new KafkaProbe(List.of(Topics.PIPELINE_EVENTS))) {
            request(lyric);

            awaitStatus(lyric, "completed");
            assertThat(probe.forTask(lyric.taskId(), 2)).extracting(m -> m.header("eventType"))
                    .containsExactly("StageStarted", "StageCompleted");
        }
        Map<String, Object> row = row(lyric);
        assertThat((String) row.get("lyric_text")).contains("Sushi Ohana").containsPattern("\\p{IsHiragana}|\\p{IsKatakana}");
        assertThat(row.get("external_id").toString()).startsWith("chatcmpl-");
        assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.id())).isEqualTo(1);
    }

    @Test
    void redeliveredCommandsNeverCallOpenAiAgainForAClaimedOrFinishedLyric() {
        Lyric lyric = pendingLyric("en", "Pho Corner");
        TestSimulators.scriptOpenAi("{\"latencyMs\":1500}");
        request(lyric);
        awaitStatus(lyric, "processing");
        request(lyric); // while claimed
        awaitStatus(lyric, "completed");
        request(lyric); // after it finished
        request(lyric);
        Lyric next = anotherLyric(lyric); // same task, same partition: it completes after the redeliveries
        request(next);
        awaitStatus(next, "completed");

        assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.id())).isEqualTo(1);
        assertThat(row(lyric).get("attempts")).isEqualTo(1);
    }

    @Test
    void noDatabaseConnectionIsHeldWhileOpenAiWorks() {
        Lyric lyric = pendingLyric("ko", "Kimbap Heaven");
        TestSimulators.scriptOpenAi("{\"latencyMs\":2500}");

        request(lyric);
        awaitStatus(lyric, "processing");
        double heldBefore = connectionsHeldMillis();

        // the sweeper and the outbox relay borrow a connection for a few milliseconds now and then: what must
        // never happen is a borrow that lasts while OpenAI works
        BorrowWatch borrows = new BorrowWatch(pool);
        await("no lyric-worker connection borrowed for 500 ms or more during the call")
                .pollInterval(Duration.ofMillis(10))
                .during(Duration.ofMillis(1500)).atMost(Duration.ofMillis(2000))
                .until(() -> borrows.longestSoFar().compareTo(Duration.ofMillis(500)) < 0);
        assertThat(row(lyric).get("status")).as("the call was still in flight").isEqualTo("processing");
        awaitStatus(lyric, "completed");
        // the gauge is refreshed about once a second; the usage timer records every borrow as it is returned
        assertThat(connectionsHeldMillis() - heldBefore)
                .as("all borrows together, while a 2.5 s call was in flight, took far less than the call")
                .isLessThan(1000);
    }

    @Test
    void manyLyricsAreInFlightAtOnceWhileOnlyTwoListenerThreadsReceiveTheCommands() {
        List<Lyric> lyrics = IntStream.range(0, 12).mapToObj(i -> pendingLyric("en", "Noodle Bar " + i)).toList();
        TestSimulators.put("/sim/openai/latency", "{\"latencyMs\":3000}");
        try {
            lyrics.forEach(this::request);

            await("every lyric asked of OpenAI at the same time, not two at a time")
                    .atMost(STAGE_TIMEOUT).pollInterval(Duration.ofMillis(20))
                    .until(() -> lyrics.stream().filter(l -> "processing".equals(row(l).get("status"))).count() == 12);
        } finally {
            TestSimulators.put("/sim/openai/latency", "{\"latencyMs\":0}");
        }
        lyrics.forEach(l -> awaitStatus(l, "completed"));
        assertThat(lyrics).allSatisfy(l -> assertThat(TestSimulators.submissions("openai", "lyric-" + l.id())).isEqualTo(1));
    }

    @Test
    void finalProviderErrorsFailTheStageAtOnceWithAClearCode() {
        assertFailsWith("{\"status\":401,\"code\":\"invalid_api_key\"}", "OPENAI_UNAUTHORIZED");
        assertFailsWith("{\"status\":403,\"code\":\"unsupported_country_region_territory\"}", "OPENAI_FORBIDDEN");
        assertFailsWith("{\"status\":429,\"code\":\"insufficient_quota\"}", "OPENAI_INSUFFICIENT_QUOTA");
        assertFailsWith("{\"finishReason\":\"length\"}", "LYRICS_TRUNCATED");
        assertFailsWith("{\"finishReason\":\"content_filter\"}", "LYRICS_CONTENT_FILTERED");
    }

    @Test
    void billingLimitsWhatOpenAiSaysNotToRetryAndRefusalsFailTheLyricWithoutAskingAgain() {
        Lyric billing = assertFailsWith("{\"status\":429,\"code\":\"credit_balance_exhausted\"}", "OPENAI_BILLING_LIMIT");
        Lyric noRetry = assertFailsWith("{\"status\":503,\"shouldRetry\":false}", "OPENAI_UNAVAILABLE");
        Lyric refused = assertFailsWith("{\"refusal\":true}", "LYRICS_REFUSED");

        assertThat(TestSimulators.submissions("openai", "lyric-" + billing.id())).isZero();
        assertThat(TestSimulators.submissions("openai", "lyric-" + noRetry.id())).isZero();
        assertThat(TestSimulators.submissions("openai", "lyric-" + refused.id()))
                .as("the refusal was an answer, paid once and not asked again").isEqualTo(1);
    }

    @Test
    void transientProviderErrorsAreRetriedUntilTheLyricIsWritten() {
        Lyric lyric = pendingLyric("zh", "Dumpling House");
        TestSimulators.scriptOpenAi("{\"status\":500}", "{\"status\":503,\"code\":\"server_is_overloaded\"}",
                "{\"status\":429,\"code\":\"rate_limit_exceeded\",\"retryAfterMs\":200}");

        request(lyric);

        awaitStatus(lyric, "completed");
        assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.id())).isEqualTo(1);
    }

    @Test
    void aProviderFailingThroughEveryRetryHandsTheLyricBackAndItIsWrittenOnALaterTry() {
        Lyric lyric = pendingLyric("en", "Second Try Diner");
        TestSimulators.scriptOpenAi("{\"status\":500}", "{\"status\":500}", "{\"status\":500}", "{\"status\":500}");

        request(lyric);

        awaitStatus(lyric, "completed");
        assertThat(row(lyric)).containsEntry("attempts", 1).containsEntry("error_code", null);
        assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.id())).isEqualTo(1);
        assertThat(db.sql("SELECT event_type FROM timeline_event WHERE task_id = ?").param(lyric.taskId())
                .query(String.class).list()).containsExactly("StageStarted", "StageCompleted");
    }

    @Test
    void aLyricStillNotWrittenAtItsDeadlineFailsWithStageTimeout() {
        Lyric lyric = pendingLyric("en", "Never Ready Bar");
        db.sql("UPDATE lyric SET deadline_at = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)) WHERE id = ?")
                .param(lyric.id()).update();

        awaitStatus(lyric, "failed");

        assertThat(row(lyric).get("error_code")).isEqualTo("STAGE_TIMEOUT");
        assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.id())).isZero();
        assertThat(db.sql("SELECT event_type FROM timeline_event WHERE task_id = ?").param(lyric.taskId())
                .query(String.class).list()).containsExactly("StageFailed");
    }

    @Test
    void aLyricWhoseWorkerDiedMidCallIsTakenOverAfterItsLeaseAndCountedAsAResubmission() {
        Lyric lyric = pendingLyric("en", "Crashed Worker Cafe");
        double before = resubmissions();
        claimedByADeadWorker(lyric, true);

        awaitStatus(lyric, "completed");

        assertThat(row(lyric)).containsEntry("attempts", 2).containsEntry("sending_at", null);
        // counted just after the completing commit, on the worker's results thread
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(resubmissions() - before).isEqualTo(1.0));
    }

    @Test
    void aLyricWhoseWorkerDiedBeforeAskingOpenAiIsTakenOverWithoutCountingAResubmission() {
        Lyric lyric = pendingLyric("en", "Early Crash Cafe");
        double before = resubmissions();
        claimedByADeadWorker(lyric, false);

        awaitStatus(lyric, "completed");

        assertThat(row(lyric).get("attempts")).isEqualTo(2);
        assertThat(resubmissions() - before).isZero();
    }

    @Test
    void aLyricClaimedByALiveWorkerIsNotTakenOver() {
        Lyric lyric = pendingLyric("en", "Busy Worker Bistro");
        db.sql("""
                UPDATE lyric SET status = 'processing', lease_owner = 'lyric-worker-still-busy', attempts = 1,
                       lease_until = TIMESTAMPADD(MINUTE, 5, UTC_TIMESTAMP(6)) WHERE id = ?""")
                .param(lyric.id()).update();

        request(lyric);
        Lyric next = anotherLyric(lyric);
        request(next);
        awaitStatus(next, "completed");

        assertThat(row(lyric).get("status")).isEqualTo("processing");
        assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.id())).isZero();
    }

    @Test
    void whileOpenAiKeepsFailingItsCircuitOpensAndLyricsWaitPendingThenEachIsWrittenOnceWhenItRecovers() {
        CircuitBreaker openAi = circuitBreakers.circuitBreaker("openai");
        openAi.reset(); // the window starts empty: only this test's calls count
        TestSimulators.scriptOpenAi("{\"status\":500}", "{\"status\":500}", "{\"status\":500}",
                "{\"status\":500}", "{\"status\":500}", "{\"status\":500}");
        Lyric interrupted = pendingLyric("en", "Outage Bakery");
        request(interrupted);
        // four calls, all 500: handed back for a later try; two more on that try, and the circuit opens
        await().atMost(STAGE_TIMEOUT).until(() -> openAi.getState() == CircuitBreaker.State.OPEN);
        await().atMost(STAGE_TIMEOUT).until(() -> listeners.getListenerContainer("lyric-requests").isPauseRequested());
        await().atMost(STAGE_TIMEOUT).until(() -> row(interrupted).get("lease_owner") == null);
        assertThat(row(interrupted)).containsEntry("status", "pending").containsEntry("attempts", 0)
                .containsEntry("deadline_at", null); // its next call was refused: handed back, deadline undone
        List<Lyric> meanwhile = IntStream.rangeClosed(1, 3).mapToObj(i -> pendingLyric("ko", "Outage Cafe " + i)).toList();
        meanwhile.forEach(this::request);

        await("lyrics wait pending while the circuit is open").pollInterval(Duration.ofMillis(50))
                .during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> openAi.getState() == CircuitBreaker.State.OPEN && meanwhile.stream()
                        .allMatch(lyric -> "pending".equals(row(lyric).get("status"))));
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "openai").tag("state", "open")
                .gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("castad.listener.paused").tag("listener", "lyric-requests").gauge().value()).isEqualTo(1.0);

        List<Lyric> waiting = new ArrayList<>(meanwhile);
        waiting.add(interrupted);
        waiting.forEach(lyric -> awaitStatus(lyric, "completed")); // the script ran dry: OpenAI answers again
        assertThat(listeners.getListenerContainer("lyric-requests").isPauseRequested()).isFalse();
        assertThat(waiting).allSatisfy(lyric -> {
            assertThat(TestSimulators.submissions("openai", "lyric-" + lyric.id())).isEqualTo(1);
            assertThat(row(lyric).get("attempts")).isEqualTo(1);
        });
    }

    private double resubmissions() {
        return meters.get("castad.provider.resubmissions").tag("provider", "openai").counter().count();
    }

    private Lyric assertFailsWith(String outcome, String errorCode) {
        Lyric lyric = pendingLyric("en", "Store " + errorCode);
        TestSimulators.scriptOpenAi(outcome, "{}");

        request(lyric);

        awaitStatus(lyric, "failed");
        Map<String, Object> row = row(lyric);
        assertThat(row.get("error_code")).isEqualTo(errorCode);
        assertThat((String) row.get("error_message")).isNotBlank();
        assertThat(row.get("lyric_text")).isNull();
        TestSimulators.clearOpenAiScript(); // the spare success was not used: no retry happened
        return lyric;
    }

    /** The lyric's claimant died (its lease ran out), after sending its request to OpenAI or before. */
    private void claimedByADeadWorker(Lyric lyric, boolean hadSent) {
        db.sql("""
                UPDATE lyric SET status = 'processing', lease_owner = 'lyric-worker-that-died', attempts = 1,
                       sending_at = IF(?, TIMESTAMPADD(SECOND, -2, UTC_TIMESTAMP(6)), NULL),
                       lease_until = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)) WHERE id = ?""")
                .params(hadSent, lyric.id()).update();
    }

    private Lyric pendingLyric(String language, String storeName) {
        String taskId = UUID.randomUUID().toString();
        db.sql("""
                INSERT INTO project (task_id, store_name, region, description, language, created_at, updated_at)
                VALUES (?, ?, 'Seoul', 'Warm, family-run, open late', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""")
                .params(taskId, storeName, language).update();
        return anotherLyric(new Lyric(taskId, 0));
    }

    private Lyric anotherLyric(Lyric of) {
        db.sql("""
                INSERT INTO lyric (project_id, status, created_at, updated_at)
                SELECT id, 'pending', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM project WHERE task_id = ?""")
                .param(of.taskId()).update();
        long id = db.sql("SELECT MAX(l.id) FROM lyric l JOIN project p ON p.id = l.project_id WHERE p.task_id = ?")
                .param(of.taskId()).query(Long.class).single();
        return new Lyric(of.taskId(), id);
    }

    private void request(Lyric lyric) {
        kafka.send(EventRecords.of(new LyricRequested(lyric.taskId(), lyric.id())));
    }

    private void awaitStatus(Lyric lyric, String status) {
        await().atMost(STAGE_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> status.equals(row(lyric).get("status")));
    }

    private Map<String, Object> row(Lyric lyric) {
        return db.sql("SELECT * FROM lyric WHERE id = ?").param(lyric.id()).query().singleRow();
    }

    private double connectionsHeldMillis() {
        return meters.get("hikaricp.connections.usage").tag("pool", "lyric-worker").timer()
                .totalTime(TimeUnit.MILLISECONDS);
    }

    /** Samples the pool itself (its metrics gauge is refreshed only once a second) for the longest borrow seen. */
    private static final class BorrowWatch {
        private final HikariPoolMXBean pool;
        private long borrowedSince;
        private long longest;

        BorrowWatch(HikariDataSource dataSource) {
            this.pool = dataSource.getHikariPoolMXBean();
        }

        Duration longestSoFar() {
            long now = System.nanoTime();
            if (pool.getActiveConnections() == 0) {
                borrowedSince = 0;
            } else if (borrowedSince == 0) {
                borrowedSince = now;
            } else {
                longest = Math.max(longest, now - borrowedSince);
            }
            return Duration.ofNanos(longest);
        }
    }

    private static Connection connection() {
        try {
            return DriverManager.getConnection(TestInfrastructure.jdbcUrl(), "root", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Lyric(String taskId, long id) {
    }
}
