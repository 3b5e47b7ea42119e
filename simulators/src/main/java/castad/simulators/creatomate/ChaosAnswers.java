package castad.simulators.creatomate;

import java.time.Duration;
import java.util.function.Supplier;

import castad.simulators.fault.ConnectionDrop;
import castad.simulators.fault.DelayedReplies;
import castad.simulators.fault.Fault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Plays a randomly drawn fault on a Creatomate request: a drop before anything is done, 500 or 429
 * with a hint (429 with {@code Retry-After} as the chaos settings say), or the normal answer, dropped
 * after it was made, sent late, or sent now.
 */
@Component
class ChaosAnswers {

    private final DelayedReplies replies;

    ChaosAnswers(DelayedReplies replies) {
        this.replies = replies;
    }

    DeferredResult<ResponseEntity<Object>> answer(Fault fault, Supplier<ResponseEntity<Object>> normal) {
        if (fault.dropsBefore()) {
            throw new ConnectionDrop();
        }
        if (fault.is(Fault.Kind.ERROR)) {
            return now(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(CreatomateHint.forStatus(500)));
        }
        if (fault.is(Fault.Kind.RATE_LIMIT)) {
            return now(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).headers(fault.retryAfterSeconds())
                    .body(CreatomateHint.forStatus(429)));
        }
        var reply = normal.get();
        if (fault.dropsAfter()) {
            throw new ConnectionDrop();
        }
        return replies.after(fault.delay(), () -> reply);
    }

    private DeferredResult<ResponseEntity<Object>> now(ResponseEntity<Object> reply) {
        return replies.after(Duration.ZERO, () -> reply);
    }
}
