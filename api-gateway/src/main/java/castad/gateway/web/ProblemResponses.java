package castad.gateway.web;

import castad.gateway.quota.BodyTooLarge;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is an RFC 9457 problem+json with a {@code detail} a person can act on. Spring's handler
 * covers the MVC exceptions (415, 405, 413 for oversized uploads, missing parts...); this adds precise
 * details for invalid and unreadable bodies, and a 500 that never leaks internals.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid request");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getAllValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid request");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (tooLarge(ex) instanceof BodyTooLarge tooLarge) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            body.setTitle("Request too large");
            return handleExceptionInternal(ex, body, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        String detail = ex.getCause() instanceof UnrecognizedPropertyException unknown
                ? "Unknown field '" + unknown.getPropertyName() + "'; the fields are " + unknown.getKnownPropertyIds()
                : ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? "Field '" + mismatch.getPath().get(0).getFieldName() + "' has the wrong type"
                : "The request body is not valid JSON";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Unreadable request");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Throwable tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return cause;
            }
        }
        return null;
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(jakarta.validation.ConstraintViolationException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getConstraintViolations()
                .stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                .collect(Collectors.joining("; ")));
        body.setTitle("Invalid request");
        return body;
    }

    /**
     * A multipart body that cannot be parsed (no boundary, cut short): the client's fault, and nothing was
     * stored. Oversized parts are not this: Spring's handler answers those with a 413.
     */
    @ExceptionHandler
    ProblemDetail unreadableMultipart(MultipartException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The multipart body could not be read; send multipart/form-data with a boundary and complete parts");
        body.setTitle("Unreadable request");
        return body;
    }

    /**
     * The database is down, every connection is in use, or the transaction lost a lock conflict: nothing was
     * changed, and a retry after a second (busy) or a few seconds (down) may work.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
        // a deadlock or lock timeout is the database answering: a conflict with concurrent work, gone on retry
        boolean busy = allConnectionsBusy(ex) || ex instanceof ConcurrencyFailureException;
        log.warn(busy ? "Busy (every database connection in use, or a lock conflict): {}" : "Database unavailable: {}",
                ex.getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, busy
                ? "castad is busy; nothing was changed. Retry in a second"
                : "The database is unavailable; nothing was changed. Retry in a few seconds");
        body.setTitle(busy ? "Busy" : "Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, busy ? "1" : "5")
                .body(body);
    }

    /**
     * The pool waited too long for a free connection while the database was answering: Hikari's timeout then
     * has no cause, whereas one while the database is down carries the last failed connection attempt.
     */
    private static boolean allConnectionsBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null;
            }
        }
        return false;
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; the request may be retried");
        body.setTitle("Internal error");
        return body;
    }
}
