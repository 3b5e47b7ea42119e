package castad.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemResponsesTest {

    @Test
    void aDatabaseOutageIsA503WithRetryAfterNotA500() {
        var response = new ProblemResponses().databaseUnavailable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("api-gateway-requests - Connection is not available")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody().getDetail()).contains("nothing was changed").doesNotContain("Connection");
    }
}
