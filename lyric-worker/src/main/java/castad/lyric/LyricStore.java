package castad.lyric;

import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.StageFailed;
import castad.common.event.StageStarted;
import castad.common.http.PaidRequestMarks;
import castad.common.outbox.Outbox;
import castad.common.stage.FailureMessages;
import castad.common.stage.LiveClaims;
import castad.common.stage.PipelineOutcomes;
import castad.common.stage.SendingMarks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lyric rows, in short transactions: claim before the OpenAI call, record after it. Each change is
 * announced on the timeline through the outbox, in the same transaction.
 */
@Repository
public class LyricStore {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final PipelineOutcomes pipelines;
    private final Clock clock;
    private final SendingMarks marks;

    LyricStore(JdbcClient jdbc, Outbox outbox, PipelineOutcomes pipelines, Clock clock,
               TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.pipelines = pipelines;
        this.clock = clock;
        this.marks = new SendingMarks(Stage.LYRIC, jdbc, clock, transactions);
    }

    /**
     * Takes the attempt if it is pending, or if its claimant's lease ran out (that claimant crashed). A
     * completed, failed or validly claimed attempt is left alone: redelivery never calls OpenAI again. The
     * first claim announces the attempt; a claim after a {@link #release release} does not announce it again.
     * The claim marks the attempt's first request as sent ({@link SendingMarks}): the caller sends it at once.
     */
    @Transactional
    public Optional<LyricJob> claim(long lyricId, String owner, Duration lease, Duration deadline) {
        Instant now = clock.instant();
        SendingMarks.Locked locked = marks.lockForClaim(lyricId);
        int claimed = jdbc.sql("""
                UPDATE lyric SET status = 'processing', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                       deadline_at = COALESCE(deadline_at, ?), started_at = COALESCE(started_at, ?), updated_at = ?,
                       sending_at = ?
                WHERE id = ? AND (status = 'pending' OR (status = 'processing' AND lease_until < ?))""")
                .params(owner, now.plus(lease), now.plus(deadline), now, now, now,
                        lyricId, now)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        marks.claimed(lyricId, locked.standing());
        LyricJob job = load(lyricId, owner, locked.standing());
        if (locked.neverStarted()) {
            outbox.append(new StageStarted(job.taskId(), Stage.LYRIC, lyricId));
        }
        return Optional.of(job);
    }

    /**
     * Hands the attempt back before OpenAI was asked (the call was refused: circuit open, rate limit,
     * bulkhead): {@code pending} again, lease, claim count, deadline and the claim's sending mark undone. Its
     * command or, once stale, the sweeper drives it again.
     */
    @Transactional
    public boolean release(LyricJob job) {
        return handBack(job, "deadline_at = NULL, sending_at = NULL");
    }

    /**
     * Hands the attempt back after OpenAI kept failing transiently through all of the call's retries:
     * {@code pending} again for the sweeper, with its deadline kept ({@link #pastDeadline}).
     */
    @Transactional
    public boolean retryLater(LyricJob job) {
        return handBack(job, "deadline_at = deadline_at");
    }

    private boolean handBack(LyricJob job, String deadline) {
        return jdbc.sql("UPDATE lyric SET status = 'pending', lease_owner = NULL, lease_until = NULL,"
                        + " attempts = attempts - 1, " + deadline + ", updated_at = ?"
                        + " WHERE id = ? AND status = 'processing' AND lease_owner = ?")
                .params(clock.instant(), job.lyricId(), job.leaseOwner())
                .update() == 1;
    }

    /**
     * Extends the leases of {@code owner}'s {@code live} claims: only the lease of a dead claimant, or of an
     * attempt left behind after an error, runs out.
     */
    @Transactional
    public int renewLeases(String owner, Duration lease, LiveClaims live) {
        List<Long> ids = live.ids();
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE lyric SET lease_until = :until
                WHERE id IN (:ids) AND status = 'processing' AND lease_owner = :owner AND lease_until >= :now""")
                .param("until", now.plus(lease)).param("ids", ids).param("owner", owner)
                .param("now", now)
                .update();
    }

    /** The marks of {@code job}'s OpenAI requests ({@link SendingMarks}). */
    public PaidRequestMarks marks(LyricJob job) {
        return marks.marks(job.lyricId(), job.leaseOwner());
    }

    /** Lyrics past their deadline, claimed or waiting for a retry; each is then {@link #timeOut timed out}. */
    @Transactional
    public List<Long> pastDeadline(int limit) {
        return jdbc.sql("""
                SELECT id FROM lyric WHERE status IN ('pending', 'processing') AND deadline_at < ?
                ORDER BY deadline_at LIMIT ?""")
                .params(clock.instant(), limit)
                .query(Long.class)
                .list();
    }

    @Transactional
    public boolean complete(LyricJob job, String text, String externalId) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE lyric SET status = 'completed', lyric_text = ?, external_id = ?, lease_owner = NULL,
                       lease_until = NULL, sending_at = NULL, orphaned_send = FALSE, completed_at = ?, updated_at = ?
                WHERE id = ? AND status = 'processing' AND lease_owner = ?""")
                .params(text, externalId, now, now, job.lyricId(), job.leaseOwner())
                .update();
        if (updated == 1) {
            outbox.append(new StageCompleted(job.taskId(), Stage.LYRIC, job.lyricId(), null));
        }
        return updated == 1;
    }

    @Transactional
    public boolean fail(LyricJob job, String errorCode, String errorMessage) {
        return failWhere("status = 'processing' AND lease_owner = ?", job.leaseOwner(), job.lyricId(), errorCode,
                errorMessage);
    }

    /** Fails a lyric that missed its deadline, whoever holds it; a late OpenAI answer is then discarded. */
    @Transactional
    public boolean timeOut(long lyricId, String errorCode, String errorMessage) {
        return failWhere("status IN ('pending', 'processing') AND deadline_at < ?", clock.instant(),
                lyricId, errorCode, errorMessage);
    }

    private boolean failWhere(String condition, Object conditionValue, long lyricId, String errorCode,
                              String providerText) {
        String errorMessage = FailureMessages.publicMessage("LYRIC", lyricId, errorCode, providerText);
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE lyric SET status = 'failed', error_code = ?, error_message = ?,"
                        + " lease_owner = NULL, lease_until = NULL, completed_at = ?, updated_at = ?"
                        + " WHERE id = ? AND " + condition)
                .params(errorCode, truncate(errorMessage), now, now, lyricId, conditionValue)
                .update();
        if (updated == 1) {
            String taskId = jdbc.sql("SELECT p.task_id FROM lyric l JOIN project p ON p.id = l.project_id"
                    + " WHERE l.id = ?").param(lyricId).query(String.class).single();
            outbox.append(new StageFailed(taskId, Stage.LYRIC, lyricId, errorCode, errorMessage));
            pipelines.stageFailed(Stage.LYRIC, lyricId, errorCode, errorMessage);
        }
        return updated == 1;
    }

    /** Claims whose instance died mid-call (lease run out); the sweeper takes them over. */
    @Transactional
    public List<Long> abandonedClaims(int limit) {
        return jdbc.sql("""
                SELECT id FROM lyric WHERE status = 'processing' AND lease_until < ? ORDER BY lease_until LIMIT ?""")
                .params(clock.instant(), limit)
                .query(Long.class)
                .list();
    }

    /** Lyrics nobody claimed for {@code olderThan}: handed back after a refused call, or dead-lettered. */
    @Transactional
    public List<Long> stalePending(int limit, Duration olderThan) {
        return jdbc.sql("""
                SELECT id FROM lyric WHERE status = 'pending' AND updated_at < ? ORDER BY updated_at LIMIT ?""")
                .params(clock.instant().minus(olderThan), limit)
                .query(Long.class)
                .list();
    }

    private LyricJob load(long lyricId, String owner, SendingMarks.Standing before) {
        return jdbc.sql("""
                SELECT p.task_id, p.store_name, p.region, p.address, p.description, p.language, l.instructions,
                       l.attempts
                FROM lyric l JOIN project p ON p.id = l.project_id WHERE l.id = ?""")
                .param(lyricId)
                .query((rs, rowNum) -> new LyricJob(rs.getString("task_id"), lyricId, owner,
                        rs.getString("store_name"), rs.getString("region"), rs.getString("address"),
                        rs.getString("description"), rs.getString("language"), rs.getString("instructions"),
                        before.claimedBefore(), before.orphanedByTakeover()))
                .single();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    }
}
