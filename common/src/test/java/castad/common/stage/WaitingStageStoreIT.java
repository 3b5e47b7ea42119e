package castad.common.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castad.common.CommonTestApplication;
import castad.common.event.BlobStored;
import castad.common.event.SongRequested;
import castad.common.event.Stage;
import castad.common.outbox.Outbox;
import castad.common.outbox.Received;
import castad.common.stage.WaitingStageStore.HandBack;
import castad.testsupport.InfrastructureTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Each transition of a waiting stage's row on the real database, named as the rule it keeps. */
@SpringBootTest(classes = CommonTestApplication.class)
class WaitingStageStoreIT extends InfrastructureTest {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final WaitingStageSettings SETTINGS = new WaitingStageSettings(LEASE, DEADLINE,
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(1), 20, Duration.ofMinutes(1));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Outbox outbox;
    @Autowired
    PipelineOutcomes pipelines;

    private final TestClock clock = new TestClock();
    private WaitingStageStore songs;
    private String task;
    private long song;

    @BeforeEach
    void aPendingSong() {
        songs = new WaitingStageStore(Stage.SONG, SETTINGS, jdbc, transactions, outbox, pipelines, clock);
        task = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO project (task_id, store_name, region, language, created_at, updated_at)"
                + " VALUES (?, 'Transition Bakery', 'Seoul', 'en', ?, ?)").params(task, now, now).update();
        jdbc.sql("INSERT INTO song (project_id, status, created_at, updated_at)"
                + " SELECT id, 'pending', ?, ? FROM project WHERE task_id = ?").params(now, now, task).update();
        song = jdbc.sql("SELECT s.id FROM song s JOIN project p ON p.id = s.project_id WHERE p.task_id = ?")
                .param(task).query(Long.class).single();
    }

    @Test
    void aPendingAttemptIsClaimedByOneClaimantAndAnnouncedOnce() {
        var first = songs.claim(song, "a");
        var second = songs.claim(song, "b");

        assertThat(first).hasValueSatisfying(claim -> assertThat(claim.takeover()).isFalse());
        assertThat(second).isEmpty();
        assertThat(row()).containsEntry("status", "processing").containsEntry("lease_owner", "a")
                .containsEntry("attempts", 1);
        assertThat(timeline()).isEqualTo(1);
    }

    @Test
    void aClaimWhoseLeaseRanOutBeforeSubmissionIsTakenOverButASubmittedOneNeverIs() {
        songs.claim(song, "a");
        clock.pass(LEASE.plusSeconds(1));

        var takeover = songs.claim(song, "b").orElseThrow();
        songs.submitted(takeover, "suno-1");
        clock.pass(LEASE.plusSeconds(1));

        assertThat(takeover.takeover()).isTrue();
        assertThat(songs.claim(song, "c")).isEmpty();
        leaseOf("b", clock.instant().minusSeconds(1));
        assertThat(songs.claim(song, "c")).as("submitted, whatever its lease says").isEmpty();
        assertThat(row()).containsEntry("external_id", "suno-1").containsEntry("attempts", 2);
    }

    @Test
    void aLiveLeaseIsNotTakenOver() {
        songs.claim(song, "a");
        clock.pass(LEASE.minusSeconds(1));

        assertThat(songs.claim(song, "b")).isEmpty();
    }

    @Test
    void onlyTheClaimantHandsAnAttemptBackAndARefusedCallUndoesTheDeadlineWhileRetryLaterKeepsIt() {
        var claim = songs.claim(song, "a").orElseThrow();
        var impostor = new Claim(task, song, "b", false, false);

        assertThat(songs.handBack(impostor, HandBack.REFUSED)).isFalse();
        assertThat(songs.handBack(claim, HandBack.REFUSED)).isTrue();
        assertThat(row()).containsEntry("status", "pending").containsEntry("attempts", 0).containsEntry("deadline_at", null);

        var again = songs.claim(song, "a").orElseThrow();
        assertThat(songs.handBack(again, HandBack.RETRY_LATER)).isTrue();
        assertThat(row()).containsEntry("status", "pending").doesNotContainEntry("deadline_at", null);
        assertThat(timeline()).as("started once, not per claim").isEqualTo(1);
    }

    @Test
    void theClaimMarksTheFirstRequestSoOnlyARetryWritesItsMarkAndARefusedCallClearsIt() {
        Instant claimedAt = clock.instant();
        var claim = songs.claim(song, "a").orElseThrow();
        assertThat(sendingAt()).as("marked by the claim").isEqualTo(claimedAt);

        var marks = songs.marks(claim);
        clock.pass(Duration.ofSeconds(3));
        marks.sending();
        assertThat(sendingAt()).as("the first request's mark is the claim's").isEqualTo(claimedAt);
        marks.rejected();
        assertThat(sendingAt()).isNull();
        marks.sending();
        assertThat(sendingAt()).as("a retry marks itself").isEqualTo(clock.instant());

        assertThat(songs.handBack(claim, HandBack.REFUSED)).isTrue();
        assertThat(sendingAt()).as("refused: nothing was sent").isNull();
        var again = songs.claim(song, "a").orElseThrow();
        assertThat(songs.handBack(again, HandBack.RETRY_LATER)).isTrue();
        assertThat(sendingAt()).as("the provider kept failing: it may have taken a request").isNotNull();
    }

    @Test
    void theInputIsReadInTheClaimsTransactionAndAFailedReadLeavesTheAttemptPending() {
        var claimed = songs.claim(song, "a", id -> jdbc.sql("SELECT status FROM song WHERE id = ?").param(id)
                .query(String.class).single()).orElseThrow();
        assertThat(claimed.input()).as("read after the claim's update").isEqualTo("processing");
        assertThat(claimed.claim().taskId()).isEqualTo(task);

        jdbc.sql("UPDATE song SET status = 'pending', lease_owner = NULL, sending_at = NULL WHERE id = ?")
                .param(song).update();
        assertThatThrownBy(() -> songs.claim(song, "b", id -> {
            throw new IllegalStateException("input gone");
        })).hasMessage("input gone");
        assertThat(row()).containsEntry("status", "pending").containsEntry("lease_owner", null);
        assertThat(sendingAt()).isNull();
    }

    @Test
    void aWebhookNotedBeforeTheIdWasStoredMakesTheFirstPollDueAtOnceAndANewClaimForgetsIt() {
        StageSweeps sweeps = songs.sweeps();
        var claim = songs.claim(song, "a").orElseThrow();
        noteEarlyWebhook();
        assertThat(sweeps.claimDuePolls(100, Duration.ofSeconds(30))).extracting(PollTarget::stageId)
                .as("no provider id to poll with yet").doesNotContain(song);

        songs.submitted(claim, "suno-1");
        assertThat(sweeps.claimDuePolls(100, Duration.ofSeconds(30))).extracting(PollTarget::stageId)
                .as("due at once, not after the first poll's delay").contains(song);

        songs.submitAgainAfterRefund(task, song, "suno-1", new SongRequested(task, song), "SUNO_CALLBACK_531", "refunded");
        noteEarlyWebhook();
        var again = songs.claim(song, "a").orElseThrow();
        songs.submitted(again, "suno-2");
        assertThat(sweeps.claimDuePolls(100, Duration.ofSeconds(30))).extracting(PollTarget::stageId)
                .as("a note from before the claim is forgotten").doesNotContain(song);
    }

    @Test
    void aSubmittedAttemptIsNotHandedBack() {
        var claim = songs.claim(song, "a").orElseThrow();
        songs.submitted(claim, "suno-1");

        leaseOf("a", clock.instant().plus(LEASE));
        assertThat(songs.handBack(claim, HandBack.RETRY_LATER)).as("submitted, whoever holds its lease").isFalse();
        assertThat(row()).containsEntry("status", "processing").containsEntry("external_id", "suno-1");
    }

    @Test
    void onlyTheClaimantStoresTheProvidersId() {
        var claim = songs.claim(song, "a").orElseThrow();

        assertThat(songs.submitted(new Claim(task, song, "b", false, false), "suno-x")).isFalse();
        assertThat(songs.submitted(claim, "suno-1")).isTrue();
        assertThat(row()).containsEntry("external_id", "suno-1").containsEntry("lease_owner", null);
    }

    @Test
    void onlyTheFirstReportThatTheFileIsReadyCounts() {
        submittedSong();

        assertThat(songs.sourceReady(task, song, "http://suno/1.mp3", BigDecimal.TEN, "audio/mpeg", "songs/1.mp3"))
                .isTrue();
        assertThat(songs.sourceReady(task, song, "http://suno/other.mp3", BigDecimal.ONE, "audio/mpeg", "songs/1.mp3"))
                .isFalse();
        assertThat(row()).containsEntry("source_url", "http://suno/1.mp3");
    }

    @Test
    void theStoredCopyCompletesAProcessingAttemptOnce() {
        submittedSong();

        assertThat(songs.stored(copied(), "http://blob/songs/1.mp3")).isTrue();
        assertThat(songs.stored(copied(), "http://blob/songs/1.mp3")).as("a redelivered BlobStored").isFalse();
        assertThat(row()).containsEntry("status", "completed").containsEntry("result_url", "http://blob/songs/1.mp3");
        assertThat(timeline()).as("StageStarted, BlobStored, StageCompleted").isEqualTo(3);
    }

    @Test
    void aFailureEndsAPendingOrProcessingAttemptButNeverAFinishedOne() {
        submittedSong();
        songs.stored(copied(), "http://blob/songs/1.mp3");

        assertThat(songs.fail(task, song, "SUNO_GENERATE_AUDIO_FAILED", "late")).isFalse();
        assertThat(row()).containsEntry("status", "completed");
    }

    @Test
    void aPendingAttemptCanFail() {
        assertThat(songs.fail(task, song, "STAGE_TIMEOUT", "too long")).isTrue();
        assertThat(row()).containsEntry("status", "failed").containsEntry("error_code", "STAGE_TIMEOUT");
    }

    @Test
    void aRefundedSubmissionIsSubmittedAgainOnceAndASecondRefundFailsIt() {
        var claim = submittedSong();

        assertThat(songs.submitAgainAfterRefund(task, song, "suno-other", new SongRequested(task, song),
                "SUNO_CALLBACK_531", "refunded")).as("a report about another submission").isFalse();
        assertThat(row()).containsEntry("status", "processing");
        assertThat(songs.submitAgainAfterRefund(task, song, "suno-1", new SongRequested(task, song),
                "SUNO_CALLBACK_531", "refunded")).isTrue();
        assertThat(row()).containsEntry("status", "pending").containsEntry("external_id", null)
                .containsEntry("refunded_submissions", 1);

        var again = songs.claim(song, claim.owner()).orElseThrow();
        songs.submitted(again, "suno-2");
        assertThat(songs.submitAgainAfterRefund(task, song, "suno-2", new SongRequested(task, song),
                "SUNO_CALLBACK_531", "refunded")).isFalse();
        assertThat(row()).containsEntry("status", "failed").containsEntry("error_code", "SUNO_CALLBACK_531");
    }

    @Test
    void thePollerFindsAbandonedClaimsStalePendingRowsDuePollsAndPassedDeadlinesOnly() {
        StageSweeps sweeps = songs.sweeps();
        assertThat(sweeps.stalePending(100, Duration.ofMinutes(1))).doesNotContain(song);
        clock.pass(Duration.ofMinutes(2));
        assertThat(sweeps.stalePending(100, Duration.ofMinutes(1))).contains(song);

        var claim = songs.claim(song, "a").orElseThrow();
        assertThat(sweeps.abandonedClaims(100)).doesNotContain(song);
        clock.pass(LEASE.plusSeconds(1));
        assertThat(sweeps.abandonedClaims(100)).contains(song);
        assertThat(sweeps.stalePending(100, Duration.ofMinutes(1))).as("claimed, not pending").doesNotContain(song);

        songs.claim(song, "b");
        songs.submitted(new Claim(task, song, "b", true, false), "suno-1");
        assertThat(sweeps.abandonedClaims(100)).doesNotContain(song);
        leaseOf("b", clock.instant().minusSeconds(1));
        assertThat(sweeps.abandonedClaims(100)).as("submitted, whatever its lease says").doesNotContain(song);
        assertThat(sweeps.claimDuePolls(100, Duration.ofSeconds(30))).extracting(PollTarget::stageId).doesNotContain(song);
        clock.pass(Duration.ofSeconds(31));
        assertThat(sweeps.claimDuePolls(100, Duration.ofSeconds(30))).extracting(PollTarget::stageId).contains(song);
        assertThat(sweeps.claimDuePolls(100, Duration.ofSeconds(30))).extracting(PollTarget::stageId)
                .as("claimed by the first poll, its next poll pushed out").doesNotContain(song);

        assertThat(sweeps.pastDeadline(100)).doesNotContain(song);
        clock.pass(DEADLINE);
        assertThat(sweeps.pastDeadline(100)).contains(song);
        assertThat(claim.stageId()).isEqualTo(song);
    }

    /** A lease no transition leaves on a submitted attempt: the rules must hold whatever the row says. */
    private void leaseOf(String owner, Instant until) {
        jdbc.sql("UPDATE song SET lease_owner = ?, lease_until = ? WHERE id = ?")
                .params(owner, Timestamp.from(until), song).update();
    }

    private Claim submittedSong() {
        var claim = songs.claim(song, "a").orElseThrow();
        songs.submitted(claim, "suno-1");
        return claim;
    }

    private Received<BlobStored> copied() {
        return new Received<>(UUID.randomUUID().toString(), clock.instant(),
                new BlobStored(task, Stage.SONG, song, "media", "songs/1.mp3", 100, "ab".repeat(32)));
    }

    /** What the gateway does with a webhook that comes before the provider's id is stored. */
    private void noteEarlyWebhook() {
        jdbc.sql("UPDATE song SET next_poll_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), song).update();
    }

    private Instant sendingAt() {
        return jdbc.sql("SELECT sending_at FROM song WHERE id = ?").param(song).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
    }

    private Map<String, Object> row() {
        return jdbc.sql("SELECT status, lease_owner, attempts, external_id, deadline_at, source_url, result_url,"
                + " error_code, refunded_submissions FROM song WHERE id = ?").param(song).query().singleRow();
    }

    private int timeline() {
        return jdbc.sql("SELECT COUNT(*) FROM timeline_event WHERE task_id = ?").param(task).query(Integer.class).single();
    }

    /** Time that passes only when a test says so. */
    private static final class TestClock extends Clock {

        private Instant now = Instant.parse("2026-12-07T10:00:00Z").plus(
                Duration.ofNanos(System.nanoTime() % 1_000_000_000L)).truncatedTo(ChronoUnit.MICROS);

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
