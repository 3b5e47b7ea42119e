package castad.simulators.fault;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * What chaos drew for one request. {@code retryAfter} is the wait a rate limit announces (null: no
 * retry headers); {@code variant} is a second draw in [0, 1) for a provider's own choices (OpenAI's
 * 500 or 503).
 */
public record Fault(Kind kind, boolean afterAccept, Duration slow, Duration retryAfter, double variant) {

    public enum Kind { NONE, ERROR, RATE_LIMIT, SLOW, DROP }

    public static final Fault NONE = new Fault(Kind.NONE, false, Duration.ZERO, null, 0);

    public boolean is(Kind other) {
        return kind == other;
    }

    /** Drop the connection before the request is processed: nothing recorded, nothing paid. */
    public boolean dropsBefore() {
        return kind == Kind.DROP && !afterAccept;
    }

    /** Drop the connection after the request was processed (a paid submission recorded). */
    public boolean dropsAfter() {
        return kind == Kind.DROP && afterAccept;
    }

    /** The extra delay before the answer: {@code slowMs} for a slow answer, else none. */
    public Duration delay() {
        return kind == Kind.SLOW ? slow : Duration.ZERO;
    }

    public Optional<Duration> retryAfterWait() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@code Retry-After} in whole seconds (rounded up), when the rate limit announces a wait. */
    public HttpHeaders retryAfterSeconds() {
        var headers = new HttpHeaders();
        retryAfterWait().ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait))));
        return headers;
    }

    public static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }
}
