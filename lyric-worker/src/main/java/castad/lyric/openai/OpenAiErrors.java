package castad.lyric.openai;

import castad.common.http.ProviderFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * OpenAI's errors as the stage sees them: 401, 403, {@code insufficient_quota} and the other billing 429s
 * ({@code credit_balance_exhausted}...) and other 4xx are final; rate limits (honouring {@code retry-after-ms}, then
 * {@code retry-after}), 408, 409 and 5xx may pass, unless OpenAI says {@code x-should-retry: false}.
 */
final class OpenAiErrors {

    /** 429s that are about money, not pace: waiting does not help. */
    private static final Set<String> BILLING = Set.of("credit_balance_exhausted", "billing_hard_limit_reached",
            "billing_not_active", "access_terminated");

    private OpenAiErrors() {
    }

    static ProviderFailure fromResponse(HttpStatusCode status, HttpHeaders headers, ChatCompletion.Error error) {
        String code = error == null || error.code() == null ? "" : error.code();
        String message = "OpenAI answered " + status.value()
                + (error == null || error.message() == null ? "" : ": " + error.message());
        ProviderFailure failure = switch (status.value()) {
            case 401 -> ProviderFailure.permanent("OPENAI_UNAUTHORIZED", message);
            case 403 -> ProviderFailure.permanent("OPENAI_FORBIDDEN", message);
            case 429 -> "insufficient_quota".equals(code) ? ProviderFailure.permanent("OPENAI_INSUFFICIENT_QUOTA", message)
                    : BILLING.contains(code) ? ProviderFailure.permanent("OPENAI_BILLING_LIMIT", message)
                    : ProviderFailure.transientFailure("OPENAI_RATE_LIMITED", message, retryAfter(headers, Instant.now()));
            case 408, 409 -> ProviderFailure.transientFailure("OPENAI_UNAVAILABLE", message, null);
            default -> status.is5xxServerError()
                    ? ProviderFailure.transientFailure("OPENAI_UNAVAILABLE", message, retryAfter(headers, Instant.now()))
                    : ProviderFailure.permanent("OPENAI_BAD_REQUEST", message);
        };
        if (failure.retryable() && "false".equalsIgnoreCase(headers.getFirst("x-should-retry"))) {
            failure = ProviderFailure.permanent(failure.errorCode(), message + " (x-should-retry: false)");
        }
        return failure.asRejection();
    }

    static ProviderFailure unusable(String finishReason) {
        String code = switch (finishReason == null ? "" : finishReason) {
            case "length" -> "LYRICS_TRUNCATED";
            case "content_filter" -> "LYRICS_CONTENT_FILTERED";
            default -> "LYRICS_UNUSABLE";
        };
        return ProviderFailure.permanent(code, "OpenAI finished with finish_reason '" + finishReason
                + "'; the answer is not usable lyrics");
    }

    /** {@code retry-after-ms} (milliseconds), else {@code retry-after} (seconds or an HTTP date), else none. */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        String millis = headers.getFirst("retry-after-ms");
        if (millis != null) {
            try {
                return Duration.ofMillis((long) Double.parseDouble(millis.strip()));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String after = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (after == null) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(after.strip()) * 1000));
        } catch (NumberFormatException notSeconds) {
            return httpDate(after, now);
        }
    }

    private static Duration httpDate(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
