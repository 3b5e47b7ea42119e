package castad.common.stage;

import castad.common.event.Stage;
import castad.common.http.PaidRequestMarks;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The paid-request marks of one stage's attempts ({@code sending_at}, {@code orphaned_send}), which tell a
 * resubmission (the provider may have been paid twice) from a plain retry:
 * <ul>
 * <li>{@code sending_at} is set by the claim, in its transaction, for the attempt's first request (the claimant
 * reads what it sends in that transaction and sends it once it committed: a transaction of its own for the mark
 * cost a commit per attempt), and just before each retry; it is cleared when the provider rejects a request
 * (nothing taken) and when the call is refused before anything was sent. A request without an answer keeps it.
 * So a claimant that died between its claim and its first request counts as one that may have sent it: the
 * count of resubmissions may be one too high, never one too low.</li>
 * <li>When a claim takes an attempt over from a dead claimant (lease run out) whose mark stands, the attempt
 * becomes {@code orphaned_send}: the provider may have taken that request. It stays so through hand-backs
 * until a request of the attempt is accepted, which is then a resubmission.</li>
 * </ul>
 * A live claimant retrying its own unanswered request is not a resubmission (DESIGN: the crash window only).
 */
public final class SendingMarks {

    private final String table;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public SendingMarks(Stage stage, JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        this.table = StageTables.of(stage);
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * What a claim must know of the attempt, read and locked in the claim's transaction before its update: its
     * marks, its task (read in a subquery, which takes no lock on the project) and whether it ever started.
     */
    public Locked lockForClaim(long id) {
        return jdbc.sql("SELECT status, sending_at IS NOT NULL AS sent, orphaned_send, started_at IS NULL AS never_started,"
                        + " (SELECT p.task_id FROM project p WHERE p.id = s.project_id) AS task_id FROM " + table
                        + " s WHERE s.id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Locked(rs.getString("task_id"), rs.getBoolean("never_started"),
                        new Standing("processing".equals(rs.getString("status")), rs.getBoolean("sent"),
                                rs.getBoolean("orphaned_send"))))
                .optional()
                .orElse(new Locked(null, false, new Standing(false, false, false)));
    }

    /** After the claim's update: an attempt taken over with its dead claimant's request standing is orphaned. */
    public void claimed(long id, Standing before) {
        if (before.orphanedByTakeover() && !before.orphaned()) {
            jdbc.sql("UPDATE " + table + " SET orphaned_send = TRUE WHERE id = ?").param(id).update();
        }
    }

    /**
     * The marks of a claim's requests; its first request's mark is {@code sending_at}, set by the claim's own
     * update, so the first {@code sending()} writes nothing.
     */
    public PaidRequestMarks marks(long id, String owner) {
        AtomicBoolean markedByClaim = new AtomicBoolean(true);
        return new PaidRequestMarks() {
            @Override
            public void sending() {
                if (markedByClaim.getAndSet(false)) {
                    return;
                }
                transactions.executeWithoutResult(status -> jdbc.sql("UPDATE " + table
                                + " SET sending_at = ? WHERE id = ? AND lease_owner = ?")
                        .params(clock.instant(), id, owner).update());
            }

            @Override
            public void rejected() {
                transactions.executeWithoutResult(status -> jdbc.sql("UPDATE " + table
                                + " SET sending_at = NULL WHERE id = ? AND lease_owner = ?")
                        .params(id, owner).update());
            }
        };
    }

    /** The attempt as a claim found it: its task, whether it never started before, and its marks. */
    public record Locked(String taskId, boolean neverStarted, Standing standing) {
    }

    /**
     * The attempt before a claim: {@code claimedBefore} (a claimant held it: claiming it now is a takeover),
     * {@code sent} (that claimant's request stands), {@code orphaned} (an earlier takeover found one).
     */
    public record Standing(boolean claimedBefore, boolean sent, boolean orphaned) {

        /** Whether an accepted request of the attempt, from now on, may be the second one paid. */
        public boolean orphanedByTakeover() {
            return orphaned || claimedBefore && sent;
        }
    }
}
