package castad.common.stage;

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
                    WHERE s.status = 'processing' AND s.next_poll_at <= ? AND s.external_id IS NOT NULL
                    ORDER BY s.next_poll_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(now, limit)
                    .query((rs, n) -> new PollTarget(rs.getString("task_id"), rs.getLong("id"),
                            rs.getString("external_id")))
                    .list();
            if (!due.isEmpty()) {
                jdbc.sql("UPDATE " + table + " SET next_poll_at = :next WHERE id IN (:ids)")
                        .param("next", now.plus(interval))
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
        return ids("status = 'processing' AND external_id IS NULL AND lease_until < ?", "lease_until",
                clock.instant(), limit);
    }

    /**
     * Attempts nobody claimed for {@code olderThan}: handed back after a refused call, or their command was
     * dead-lettered. Claiming one is still the conditional {@link WaitingStageStore#claim}, so one instance runs it.
     */
    public List<Long> stalePending(int limit, Duration olderThan) {
        return ids("status = 'pending' AND updated_at < ?", "updated_at", clock.instant().minus(olderThan), limit);
    }

    /**
     * Attempts past their deadline, oldest first, including those waiting to be retried after transient
     * failures; each is then failed on its own.
     */
    public List<Long> pastDeadline(int limit) {
        return ids("status IN ('pending', 'processing') AND deadline_at < ?", "deadline_at", clock.instant(), limit);
    }

    /** Up to {@code limit} ids of rows matching {@code condition} (one parameter: {@code at}), by {@code order}. */
    private List<Long> ids(String condition, String order, Instant at, int limit) {
        return transactions.execute(status -> jdbc.sql("SELECT id FROM " + table + " WHERE " + condition
                        + " ORDER BY " + order + " LIMIT ?")
                .params(at, limit)
                .query(Long.class)
                .list());
    }

}
