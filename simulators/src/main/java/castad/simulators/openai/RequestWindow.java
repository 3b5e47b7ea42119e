package castad.simulators.openai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A fixed one-minute window counting requests and prompt tokens, the source of the rate-limit headers. */
class RequestWindow {

    private static final Duration LENGTH = Duration.ofMinutes(1);

    private final int requestLimit;
    private final long tokenLimit;
    private final Clock clock;
    private Instant start = Instant.MIN;
    private long requests;
    private long tokens;

    RequestWindow(int requestLimit, long tokenLimit, Clock clock) {
        this.requestLimit = requestLimit;
        this.tokenLimit = tokenLimit;
        this.clock = clock;
    }

    synchronized RateLimitState admit(long promptTokens) {
        var now = clock.instant();
        if (!now.isBefore(start.plus(LENGTH))) {
            start = now;
            requests = 0;
            tokens = 0;
        }
        requests++;
        tokens += promptTokens;
        var reset = Duration.between(now, start.plus(LENGTH));
        return new RateLimitState(requestLimit, requestLimit - requests, tokenLimit, tokenLimit - tokens, reset);
    }
}
