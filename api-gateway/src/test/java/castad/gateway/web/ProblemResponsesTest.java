package castad.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemResponsesTest {

    @Test
    void aDatabaseOutageIsA503WithRetryAfterNotA500() {
        var response = new ProblemResponses().databaseUnavailable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("api-gateway-requests - Connection is not available", "08001",
                        new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3307"))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody().getDetail()).contains("database is unavailable", "nothing was changed")
                .doesNotContain("Connection");
    }

    @Test
    void aFullConnectionPoolIsA503BusyWithAShortRetryAfter() {
        var response = new ProblemResponses().databaseUnavailable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("api-gateway-requests - Connection is not available, request"
                        + " timed out after 5001ms (total=20, active=20, idle=0, waiting=44)")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody().getDetail()).contains("busy", "nothing was changed").doesNotContain("database");
    }

    @Test
    void aDeadlockIsA503BusyNotADatabaseOutage() {
        var response = new ProblemResponses().databaseUnavailable(new CannotAcquireLockException(
                "PreparedStatementCallback; SQL [INSERT INTO outbox_event ...]", new SQLTransactionRollbackException(
                        "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody().getDetail()).contains("busy", "nothing was changed")
                .doesNotContain("database", "Deadlock");
    }
}
