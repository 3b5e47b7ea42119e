package castad.common.stage;

import castad.common.event.Stage;
import castad.common.event.StageCommand;
import castad.common.event.StageQueued;
import castad.common.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a pipeline's next stage when the one before completed: inserts its pending row and announces it.
 * The stage tables' unique {@code pipeline_id} makes a redelivered completion start nothing a second time.
 */
public class NextStages {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public NextStages(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param insertAfter an {@code INSERT ... SELECT} of the next row from the completed one, with three
     *                    parameters: created_at, updated_at and the completed row's id; it inserts nothing
     *                    unless that row is completed and its pipeline still running
     * @param command     the command for the new row's id
     * @return the new row's id, or empty when there was nothing to start
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> start(String taskId, Stage next, String insertAfter, long completedId,
                                LongFunction<StageCommand> command) {
        var keys = new GeneratedKeyHolder();
        Instant now = clock.instant();
        try {
            if (jdbc.sql(insertAfter).params(now, now, completedId).update(keys, "id") == 0) {
                return Optional.empty();
            }
        } catch (DuplicateKeyException alreadyStarted) {
            return Optional.empty();
        }
        long id = keys.getKey().longValue();
        outbox.append(command.apply(id));
        outbox.append(new StageQueued(taskId, next, id));
        return Optional.of(id);
    }
}
