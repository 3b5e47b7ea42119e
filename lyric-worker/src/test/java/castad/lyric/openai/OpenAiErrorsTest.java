package castad.lyric.openai;

import castad.common.http.ProviderFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

class OpenAiErrorsTest {

    @Test
    void badKeysRegionsAndExhaustedQuotaAreFinalWhileRateLimitsAndServerErrorsAreNot() {
        assertFinal(401, "invalid_api_key", "OPENAI_UNAUTHORIZED");
        assertFinal(403, "unsupported_country_region_territory", "OPENAI_FORBIDDEN");
        assertFinal(429, "insufficient_quota", "OPENAI_INSUFFICIENT_QUOTA");
        assertFinal(400, "invalid_value", "OPENAI_BAD_REQUEST");
        assertThat(failure(429, "rate_limit_exceeded", new HttpHeaders()).retryable()).isTrue();
        assertThat(failure(503, "server_is_overloaded", new HttpHeaders()).retryable()).isTrue();
        assertThat(failure(500, null, new HttpHeaders()).retryable()).isTrue();
    }

    @Test
    void billing429sOtherThanInsufficientQuotaAreFinalWithTheirOwnCode() {
        assertFinal(429, "credit_balance_exhausted", "OPENAI_BILLING_LIMIT");
        assertFinal(429, "billing_hard_limit_reached", "OPENAI_BILLING_LIMIT");
    }

    @Test
    void openAiSayingNotToRetryMakesAnyFailureFinalAndKeepsItsCode() {
        ProviderFailure overloaded = failure(503, "server_is_overloaded", headers("x-should-retry", "false"));
        ProviderFailure limited = failure(429, "rate_limit_exceeded", headers("x-should-retry", "false"));

        assertThat(overloaded.retryable()).isFalse();
        assertThat(overloaded.errorCode()).isEqualTo("OPENAI_UNAVAILABLE");
        assertThat(limited.retryable()).isFalse();
        assertThat(limited.errorCode()).isEqualTo("OPENAI_RATE_LIMITED");
        assertThat(failure(503, null, headers("x-should-retry", "true")).retryable()).isTrue();
    }

    @Test
    void retryAfterMillisecondsWinOverSecondsWhichWinOverAnHttpDate() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(OpenAiErrors.retryAfter(headers("retry-after-ms", "250", "retry-after", "9"), now))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(OpenAiErrors.retryAfter(headers("retry-after", "2"), now)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OpenAiErrors.retryAfter(headers("retry-after", "Fri, 27 Nov 2026 10:00:05 GMT"), now))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(OpenAiErrors.retryAfter(new HttpHeaders(), now)).isNull();
    }

    @Test
    void answersThatAreNotFinishedLyricsAreNamedByWhyTheyStopped() {
        assertThat(OpenAiErrors.unusable("length").errorCode()).isEqualTo("LYRICS_TRUNCATED");
        assertThat(OpenAiErrors.unusable("content_filter").errorCode()).isEqualTo("LYRICS_CONTENT_FILTERED");
        assertThat(OpenAiErrors.unusable("tool_calls").errorCode()).isEqualTo("LYRICS_UNUSABLE");
        assertThat(OpenAiErrors.unusable("length").retryable()).isFalse();
    }

    private static void assertFinal(int status, String code, String errorCode) {
        ProviderFailure failure = failure(status, code, new HttpHeaders());
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo(errorCode);
    }

    private static ProviderFailure failure(int status, String code, HttpHeaders headers) {
        return OpenAiErrors.fromResponse(HttpStatusCode.valueOf(status), headers,
                new ChatCompletion.Error("message", "type", code));
    }

    private static HttpHeaders headers(String... namesAndValues) {
        var headers = new HttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
