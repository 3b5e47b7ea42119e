package castad.common.stage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the {@link StagePoller} reads of a waiting stage's rows, each in a short transaction: the attempts due for a
 * poll (claimed by pushing their next poll out), the claims whose claimant died, the rows left pending, the
 * attempts past their deadline. Acting on them goes through {@link WaitingStageStore}'s conditional transitions, so
 * two pollers reading the same row run it once.
 */
public final class StageSweeps {

    private final String table;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StageSweeps(String table, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.table = table;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Claims up to {@code limit} attempts due for a poll by pushing their next poll out: one poller per row. */
    public List<PollTarget> claimDuePolls(int limit, Duration interval) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            List<PollTarget> due = jdbc.sql("SELECT s.id, s.external_id, p.task_id FROM " + table + """
                     s JOIN project p ON p.id = s.project_id
                    WHERE s.status = 'processing' AND s.next_poll_at <= ?
                    ORDER BY s.next_poll_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(ts(now), limit)
                    .query((rs, n) -> new PollTarget(rs.getString("task_id"), rs.getLong("id"),
                            rs.getString("external_id")))
                    .list();
            if (!due.isEmpty()) {
                jdbc.sql("UPDATE " + table + " SET next_poll_at = :next WHERE id IN (:ids)")
                        .param("next", ts(now.plus(interval)))
                        .param("ids", due.stream().map(PollTarget::stageId).toList())
                        .update();
            }
            return due;
        });
    }

    /**
     * Attempts whose claimant's lease ran out before it stored the provider's id: that instance died
     * mid-submission, and the command that started it was already acknowledged. Claiming one again takes
     * it over ({@link Claim#takeover()}).
     */
    public List<Long> abandonedClaims(int limit) {
        return transactions.execute(status -> jdbc.sql("SELECT id FROM " + table + " WHERE status = 'processing' AND external_id IS NULL"
                            + " AND lease_until < ? ORDER BY lease_until LIMIT ?")
                    .params(ts(clock.instant()), limit)
                    .query(Long.class)
                    .list());
    }

    /**
     * Attempts nobody claimed for {@code olderThan}: handed back after a refused call, or their command was
     * dead-lettered. Claiming one is still the conditional {@link #claim}, so one instance runs it.
     */
    public List<Long> stalePending(int limit, Duration olderThan) {
        return transactions.execute(status -> jdbc.sql("SELECT id FROM " + table + " WHERE status = 'pending' AND updated_at < ?"
                            + " ORDER BY updated_at LIMIT ?")
                    .params(ts(clock.instant().minus(olderThan)), limit)
                    .query(Long.class)
                    .list());
    }

    /**
     * Attempts past their deadline, oldest first, including those waiting to be retried after transient
     * failures; each is then failed on its own.
     */
    public List<Long> pastDeadline(int limit) {
        return transactions.execute(status -> jdbc.sql("SELECT id FROM " + table + " WHERE status IN ('pending', 'processing') AND deadline_at < ?"
                            + " ORDER BY deadline_at LIMIT ?")
                    .params(ts(clock.instant()), limit)
                    .query(Long.class)
                    .list());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
