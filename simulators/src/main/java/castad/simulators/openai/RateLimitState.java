package castad.simulators.openai;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.http.HttpHeaders;

/** Where a request leaves the current rate-limit window; negative remainders mean the limit is passed. */
record RateLimitState(int requestLimit, long requestsRemaining, long tokenLimit, long tokensRemaining, Duration reset) {

    boolean exceeded() {
        return requestsRemaining < 0 || tokensRemaining < 0;
    }

    HttpHeaders headers() {
        var headers = new HttpHeaders();
        headers.set("x-ratelimit-limit-requests", Integer.toString(requestLimit));
        headers.set("x-ratelimit-remaining-requests", Long.toString(Math.max(0, requestsRemaining)));
        headers.set("x-ratelimit-reset-requests", goDuration(reset));
        headers.set("x-ratelimit-limit-tokens", Long.toString(tokenLimit));
        headers.set("x-ratelimit-remaining-tokens", Long.toString(Math.max(0, tokensRemaining)));
        headers.set("x-ratelimit-reset-tokens", goDuration(reset));
        return headers;
    }

    /** Durations as OpenAI writes them (Go's format): {@code 12ms}, {@code 1.5s}, {@code 6m0s}. */
    static String goDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis == 0 ? "0s" : millis + "ms";
        }
        var seconds = BigDecimal.valueOf(millis % 60_000, 3).stripTrailingZeros().toPlainString() + "s";
        long minutes = millis / 60_000;
        if (minutes == 0) {
            return seconds;
        }
        return (minutes >= 60 ? minutes / 60 + "h" + minutes % 60 : minutes) + "m" + seconds;
    }
}
