package castad.common.stage;

import castad.common.blob.StoredBlob;
import castad.common.event.BlobFailed;
import castad.common.event.BlobRequested;
import castad.common.event.BlobStored;
import castad.common.event.Stage;
import castad.common.event.StageCommand;
import castad.common.event.StageCompleted;
import castad.common.event.StageFailed;
import castad.common.event.StageStarted;
import castad.common.http.PaidRequestMarks;
import castad.common.http.ProviderFailure;
import castad.common.outbox.Outbox;
import castad.common.outbox.Received;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of a stage that waits on a provider for minutes (song, video), in short transactions. Waiting is
 * durable state, never a sleeping thread: {@code external_id} once submitted, {@code next_poll_at} for the
 * poller, {@code deadline_at} after which the attempt fails. Every change that clients care about is
 * announced through the outbox in the same transaction.
 *
 * The poller's reads of these rows are {@link StageSweeps} ({@link #sweeps()}).
 *
 * <pre>
 * pending --claim--> processing (lease) --submitted--> processing (external_id, polls)
 *   --source ready--> processing (source_url; BlobRequested) --blob stored--> completed
 * processing (lease) --handBack REFUSED (the call was refused, nothing sent)--> pending
 * processing (lease) --handBack RETRY_LATER (the provider kept failing transiently)--> pending, deadline kept
 * processing (external_id) --submitAgainAfterRefund (first refund)--> pending, deadline kept; a second refund fails
 * any of them --fail / deadline--> failed
 * </pre>
 */
public class WaitingStageStore {

    private static final Logger log = LoggerFactory.getLogger(WaitingStageStore.class);

    private final Stage stage;
    private final WaitingStageSettings settings;
    private final String table;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final PipelineOutcomes pipelines;
    private final Clock clock;
    private final SendingMarks marks;
    private final StageSweeps sweeps;

    public WaitingStageStore(Stage stage, WaitingStageSettings settings, JdbcClient jdbc,
                             TransactionTemplate transactions, Outbox outbox, PipelineOutcomes pipelines, Clock clock) {
        this.stage = stage;
        this.settings = settings;
        this.table = StageTables.of(stage);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.pipelines = pipelines;
        this.clock = clock;
        this.marks = new SendingMarks(stage, jdbc, clock, transactions);
        this.sweeps = new StageSweeps(table, jdbc, transactions, clock);
    }

    /** What the poller reads of these rows: due polls, abandoned claims, stale pending rows, passed deadlines. */
    public StageSweeps sweeps() {
        return sweeps;
    }

    public Stage stage() {
        return stage;
    }

    /** How these rows are claimed, waited for and polled. */
    public WaitingStageSettings settings() {
        return settings;
    }

    /**
     * Takes a pending attempt, or one whose claimant's lease ran out before it stored the provider's id.
     * Submitted, finished or validly claimed attempts are left alone: a redelivered command pays nothing.
     * The first claim of an attempt announces it ({@code StageStarted}); a claim after a
     * {@link #release release} does not announce it again. The claim marks the attempt's first request as
     * sent ({@link SendingMarks}): the caller sends it at once.
     */
    public Optional<Claim> claim(long id, String owner) {
        return claim(id, owner, stageId -> null).map(Claimed::claim);
    }

    /**
     * As {@link #claim(long, String)}, reading what the request is made of ({@code input}, given the attempt's id)
     * in the claim's transaction.
     */
    public <I> Optional<Claimed<I>> claim(long id, String owner, LongFunction<I> input) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            SendingMarks.Locked locked = marks.lockForClaim(id);
            int claimed = jdbc.sql("UPDATE " + table + """
                     SET status = 'processing', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                        deadline_at = COALESCE(deadline_at, ?), started_at = COALESCE(started_at, ?), updated_at = ?,
                        sending_at = ?, next_poll_at = NULL
                    WHERE id = ? AND (status = 'pending'
                       OR (status = 'processing' AND external_id IS NULL AND lease_until < ?))""")
                    .params(owner, now.plus(settings.lease()), now.plus(settings.deadline()), now, now, now, id, now)
                    .update();
            if (claimed == 0) {
                return Optional.<Claimed<I>>empty();
            }
            SendingMarks.Standing before = locked.standing();
            marks.claimed(id, before);
            if (locked.neverStarted()) {
                outbox.append(new StageStarted(locked.taskId(), stage, id));
            }
            return Optional.of(new Claimed<>(new Claim(locked.taskId(), id, owner, before.claimedBefore(),
                    before.orphanedByTakeover()), input.apply(id)));
        });
    }

    /** Why a claimed attempt is handed back before the provider took it. */
    public enum HandBack {
        /**
         * The call was refused (circuit open, rate limit, bulkhead): nothing was sent, so the claim is undone
         * entirely, deadline and the claim's sending mark included, and the next claim runs it as if for the first time.
         */
        REFUSED,
        /**
         * The provider kept failing transiently through all of the call's retries: the deadline is kept, so that
         * a provider that never recovers ends it with {@code STAGE_TIMEOUT} ({@link StageSweeps#pastDeadline})
         * instead of retrying forever.
         */
        RETRY_LATER
    }

    /**
     * Hands a claimed attempt back to {@code pending}, lease and claim count undone, before the provider took it:
     * only its claimant can, and only while the provider's id is not stored. It is driven again by its command or,
     * once {@linkplain StageSweeps#stalePending stale}, by the poller.
     */
    public boolean handBack(Claim claim, HandBack why) {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql("UPDATE " + table + """
                     SET status = 'pending', lease_owner = NULL, lease_until = NULL, attempts = attempts - 1,
                        deadline_at = CASE WHEN ? THEN NULL ELSE deadline_at END,
                        sending_at = CASE WHEN ? THEN NULL ELSE sending_at END, updated_at = ?
                    WHERE id = ? AND status = 'processing' AND lease_owner = ? AND external_id IS NULL""")
                    .params(why == HandBack.REFUSED, why == HandBack.REFUSED, clock.instant(), claim.stageId(),
                            claim.owner())
                    .update() == 1));
    }

    /**
     * A submission that failed after the call's own retries: a transient failure hands the attempt back for
     * a later try ({@link HandBack#RETRY_LATER}), any other fails the stage with the provider's code and message.
     * Returns whether the attempt will be tried again.
     */
    public boolean submissionFailed(Claim claim, ProviderFailure failure) {
        if (failure.retryable()) {
            handBack(claim, HandBack.RETRY_LATER);
            return true;
        }
        fail(claim.taskId(), claim.stageId(), failure.errorCode(), failure.getMessage());
        return false;
    }

    /**
     * Extends the leases of {@code owner}'s {@code live} claims, still waiting for the provider's answer, so
     * that a lease only runs out when its claimant died, lost the database for longer than a lease, or left
     * the attempt behind after an error: a slow but live submission is never taken over and paid twice.
     * Returns how many were extended.
     */
    public int renewLeases(String owner, LiveClaims live) {
        List<Long> ids = live.ids();
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        try {
            Integer renewed = transactions.execute(status -> jdbc.sql("UPDATE " + table + """
                     SET lease_until = :until
                    WHERE id IN (:ids) AND status = 'processing' AND external_id IS NULL AND lease_owner = :owner
                      AND lease_until >= :now""")
                    .param("until", now.plus(settings.lease())).param("ids", ids).param("owner", owner)
                    .param("now", now)
                    .update());
            return renewed == null ? 0 : renewed;
        } catch (DataAccessException e) {
            log.warn("Renewing {} leases failed, the next round retries: {}", stage, e.getMessage());
            return 0;
        }
    }

    /** The marks of {@code claim}'s paid requests ({@link SendingMarks}). */
    public PaidRequestMarks marks(Claim claim) {
        return marks.marks(claim.stageId(), claim.owner());
    }

    /**
     * Stores the provider's id at once and hands the attempt over to webhooks and the poller: its first poll after
     * {@link WaitingStageSettings#firstPoll()}, or at once if a webhook came while the id was being stored (the
     * gateway noted it in {@code next_poll_at}).
     */
    public boolean submitted(Claim claim, String externalId) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql("UPDATE " + table + """
                     SET external_id = ?, next_poll_at = COALESCE(next_poll_at, ?), lease_owner = NULL, lease_until = NULL,
                        sending_at = NULL,
                        orphaned_send = FALSE, updated_at = ?
                    WHERE id = ? AND status = 'processing' AND lease_owner = ?""")
                    .params(externalId, now.plus(settings.firstPoll()), now, claim.stageId(), claim.owner())
                    .update() == 1));
    }

    /**
     * The provider has the file: asks blob-worker to copy it. Only the first report (webhook or poll,
     * however often repeated) counts.
     */
    public boolean sourceReady(String taskId, long id, String sourceUrl, BigDecimal durationSeconds, String contentType,
                               String blobName) {
        Boolean ready = transactions.execute(status -> {
            int updated = jdbc.sql("UPDATE " + table + """
                     SET source_url = ?, duration_seconds = ?, next_poll_at = NULL, updated_at = ?
                    WHERE id = ? AND status = 'processing' AND source_url IS NULL""")
                    .params(sourceUrl, durationSeconds, clock.instant(), id)
                    .update();
            if (updated == 1) {
                outbox.append(new BlobRequested(taskId, stage, id, sourceUrl, contentType, blobName));
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(ready);
    }

    /**
     * The provider refunded a submission that failed on its side and asks for a new one (Suno's 531). The first
     * time, the attempt is pending again with its command, as if never submitted (deadline kept), so that it is
     * submitted once more; a second refund fails it with {@code errorCode}. A report about a submission that is not
     * the attempt's current one (a late or repeated callback) changes nothing. Returns whether it is submitted again.
     */
    public boolean submitAgainAfterRefund(String taskId, long id, String externalId, StageCommand command,
                                          String errorCode, String errorMessage) {
        Boolean again = transactions.execute(status -> {
            List<Integer> refunds = jdbc.sql("SELECT refunded_submissions FROM " + table
                            + " WHERE id = ? AND status = 'processing' AND external_id = ? AND source_url IS NULL FOR UPDATE")
                    .params(id, externalId).query(Integer.class).list();
            if (refunds.isEmpty()) {
                return false;
            }
            if (refunds.get(0) > 0) {
                fail(taskId, id, errorCode, errorMessage);
                return false;
            }
            jdbc.sql("UPDATE " + table + """
                     SET status = 'pending', external_id = NULL, next_poll_at = NULL, lease_owner = NULL,
                        lease_until = NULL, refunded_submissions = refunded_submissions + 1, updated_at = ?
                    WHERE id = ?""")
                    .params(clock.instant(), id).update();
            outbox.append(command);
            return true;
        });
        return Boolean.TRUE.equals(again);
    }

    /** blob-worker stored this stage's file: the stage is completed with it ({@code resultUrl}: where it is). */
    public boolean stored(Received<BlobStored> received, String resultUrl) {
        BlobStored stored = received.event();
        return complete(stored.taskId(), stored.stageId(), new StoredBlob(stored.container(), stored.blobName(), resultUrl,
                stored.sizeBytes(), stored.sha256()), received);
    }

    /** blob-worker could not store this stage's file: the stage fails with its error. */
    public boolean notStored(Received<BlobFailed> received) {
        BlobFailed failed = received.event();
        return fail(failed.taskId(), failed.stageId(), failed.errorCode(), failed.errorMessage(), received);
    }

    private boolean complete(String taskId, long id, StoredBlob blob, Received<BlobStored> cause) {
        Boolean completed = transactions.execute(status -> {
            Instant now = clock.instant();
            int updated = jdbc.sql("UPDATE " + table + """
                     SET status = 'completed', result_url = ?, result_container = ?, result_blob_name = ?,
                        result_sha256 = ?, result_size_bytes = ?, next_poll_at = NULL, lease_owner = NULL,
                        lease_until = NULL, completed_at = ?, updated_at = ?
                    WHERE id = ? AND status = 'processing'""")
                    .params(blob.url(), blob.container(), blob.name(), blob.sha256(), blob.sizeBytes(), now,
                            now, id)
                    .update();
            if (updated == 1) {
                outbox.recordOnTimeline(cause);
                outbox.append(new StageCompleted(taskId, stage, id, blob.url()));
                if (stage.last()) { // an earlier stage's StageCompleted starts the next stage's row in its worker
                    pipelines.lastStageCompleted(stage, id);
                }
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(completed);
    }

    /** Fails an attempt the caller knows only by id (a sweep of deadlines). */
    public boolean fail(long id, String errorCode, String errorMessage) {
        return fail(null, id, errorCode, errorMessage, null);
    }

    /** Fails an attempt of {@code taskId}, as the provider reported it. */
    public boolean fail(String taskId, long id, String errorCode, String errorMessage) {
        return fail(taskId, id, errorCode, errorMessage, null);
    }

    private boolean fail(String knownTaskId, long id, String errorCode, String providerText,
                         Received<BlobFailed> cause) {
        String errorMessage = FailureMessages.publicMessage(stage.name(), id, errorCode, providerText);
        Boolean failed = transactions.execute(status -> {
            Instant now = clock.instant();
            int updated = jdbc.sql("UPDATE " + table + """
                     SET status = 'failed', error_code = ?, error_message = ?, next_poll_at = NULL,
                        lease_owner = NULL, lease_until = NULL, completed_at = ?, updated_at = ?
                    WHERE id = ? AND status IN ('pending', 'processing')""")
                    .params(errorCode, StageTables.truncate(errorMessage), now, now, id)
                    .update();
            if (updated == 1) {
                if (cause != null) {
                    outbox.recordOnTimeline(cause);
                }
                outbox.append(new StageFailed(knownTaskId == null ? taskIdOf(id) : knownTaskId, stage, id, errorCode,
                        errorMessage));
                pipelines.stageFailed(stage, id, errorCode, errorMessage);
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(failed);
    }

    private String taskIdOf(long id) {
        return jdbc.sql("SELECT p.task_id FROM " + table + " s JOIN project p ON p.id = s.project_id WHERE s.id = ?")
                .param(id).query(String.class).single();
    }

}
