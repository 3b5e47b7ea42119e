package castad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

class DatabaseOutagesTest {

    @Test
    void aListenerThatFailedForWantOfADatabaseWaitsForItWithoutEverGivingUp() {
        var outage = new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection",
                        new SQLTransientConnectionException("Connection is not available")));

        BackOffExecution waits = DatabaseOutages.backOffFor(outage).start();

        long previous = 0;
        for (int i = 0; i < 50; i++) {
            long wait = waits.nextBackOff();
            assertThat(wait).isNotEqualTo(BackOffExecution.STOP).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(30_000);
            previous = wait;
        }
        assertThat(previous).isEqualTo(30_000);
        assertThat(DatabaseOutages.isDatabaseOutage(new CannotGetJdbcConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void otherFailuresKeepTheUsualRetriesAndDeadLetter() {
        assertThat(DatabaseOutages.backOffFor(new ListenerExecutionFailedException("bug",
                new IllegalStateException("a bug")))).isNull();
    }
}
