package castad.simulators.openai;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.http.HttpHeaders;

/**
 * What the next chat request gets. An error when {@code status} (or a known {@code code}) is set, else
 * a 200 with {@code finishReason} (default stop); {@code latencyMs} replaces the default latency.
 * {@code type} and {@code message} override the error body's defaults. {@code shouldRetry} sends OpenAI's
 * {@code x-should-retry} header with an error; {@code refusal} answers 200 with the model's refusal (finish_reason
 * stop, no content), which is paid for like any answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScriptedOutcome(
        @Min(400) @Max(599) Integer status,
        String code,
        String type,
        String message,
        @PositiveOrZero Long retryAfterMs,
        @PositiveOrZero Long retryAfterSeconds,
        @Pattern(regexp = "stop|length|content_filter") String finishReason,
        @PositiveOrZero Long latencyMs,
        Boolean shouldRetry,
        Boolean refusal) {

    static final String REFUSAL = "I'm sorry, but I can't help with writing these lyrics.";
    static final ScriptedOutcome SUCCESS = new ScriptedOutcome(null, null, null, null, null, null, null, null, null,
            null);

    @JsonIgnore
    @AssertTrue(message = "a refusal is an answer: it takes no status, code or finishReason")
    boolean isRefusalAnAnswer() {
        return !refuses() || !failing() && finishReason == null;
    }

    boolean refuses() {
        return Boolean.TRUE.equals(refusal);
    }

    @JsonIgnore
    @AssertTrue(message = "an outcome with a code but no status needs a known code")
    boolean isStatusKnown() {
        return status != null || code == null || KnownError.byCode(code).isPresent();
    }

    boolean failing() {
        return status != null || code != null;
    }

    int httpStatus() {
        return status != null ? status : known().map(error -> error.status).orElse(500);
    }

    OpenAiError error() {
        var known = known();
        return OpenAiError.of(
                message != null ? message : known.map(error -> error.message).orElse(KnownError.messageFor(httpStatus())),
                type != null ? type : known.map(error -> error.type).orElse(KnownError.typeFor(httpStatus())),
                null,
                code);
    }

    HttpHeaders retryHeaders() {
        var headers = new HttpHeaders();
        if (retryAfterMs != null) {
            headers.set("retry-after-ms", retryAfterMs.toString());
        }
        if (retryAfterSeconds != null) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds.toString());
        }
        if (shouldRetry != null) {
            headers.set("x-should-retry", shouldRetry.toString());
        }
        return headers;
    }

    String finishReasonOrStop() {
        return finishReason != null ? finishReason : "stop";
    }

    Optional<Duration> delay() {
        return Optional.ofNullable(latencyMs).map(Duration::ofMillis);
    }

    private Optional<KnownError> known() {
        return KnownError.byCode(code);
    }
}
