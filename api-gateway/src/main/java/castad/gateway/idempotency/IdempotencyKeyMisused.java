package castad.gateway.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class IdempotencyKeyMisused extends ErrorResponseException {

    IdempotencyKeyMisused(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        getBody().setTitle("Idempotency-Key misused");
    }
}
