package castad.common.kafka;

import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that failed because the database is unreachable is not bad: it is retried, with backoff up to
 * 30 s, until the database answers again, holding its partition in place. It is never dead-lettered and
 * never skipped; the consumer simply waits, as an operator would expect during a database restart.
 */
final class DatabaseOutages {

    private static final long FIRST_WAIT_MS = 1_000;
    private static final long LONGEST_WAIT_MS = 30_000;

    private DatabaseOutages() {
    }

    /** The back-off for a failure: endless for a database outage, null (the handler's default) otherwise. */
    static BackOff backOffFor(Exception failure) {
        return isDatabaseOutage(failure) ? untilTheDatabaseAnswers() : null;
    }

    static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static BackOff untilTheDatabaseAnswers() {
        var backOff = new ExponentialBackOff(FIRST_WAIT_MS, 2.0);
        backOff.setMaxInterval(LONGEST_WAIT_MS);
        return backOff;
    }
}
