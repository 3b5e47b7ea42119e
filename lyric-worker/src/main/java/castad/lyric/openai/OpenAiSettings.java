package castad.lyric.openai;

import castad.common.http.BulkheadSettings;
import castad.common.http.CircuitBreakerSettings;
import castad.common.http.HttpClientSettings;
import castad.common.http.ProviderAccess;
import castad.common.http.ProviderLimits;
import castad.common.http.RateLimiterSettings;
import castad.common.http.RetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKey       {@code OPENAI_API_KEY}; when it is empty, castad talks to its simulator
 * @param baseUrl      {@code OPENAI_BASE_URL}; empty means the real API with a key, the simulator without
 * @param simulatorUrl where the simulator listens (local runs and tests)
 * @param rateLimiter  unset: 500 requests per minute per instance; set it to the account's tier
 *                     ({@code x-ratelimit-limit-requests}) divided by the number of instances
 */
@Validated
@ConfigurationProperties("castad.openai")
public record OpenAiSettings(
        String apiKey,
        String baseUrl,
        @DefaultValue("http://127.0.0.1:8090") @NotBlank String simulatorUrl,
        @DefaultValue("gpt-4o-mini") @NotBlank String model,
        @DefaultValue @Valid HttpClientSettings http,
        @DefaultValue @Valid RetrySettings retry,
        @DefaultValue @Valid CircuitBreakerSettings circuitBreaker,
        @DefaultValue @Valid RateLimiterSettings rateLimiter,
        @DefaultValue @Valid BulkheadSettings bulkhead) implements ProviderLimits {

    static final String OPENAI_URL = "https://api.openai.com";

    public OpenAiSettings {
        rateLimiter = rateLimiter.orPublished(500, Duration.ofMinutes(1));
    }

    public ProviderAccess access() {
        return ProviderAccess.resolve(apiKey, baseUrl, OPENAI_URL, simulatorUrl);
    }

    @Override
    public String toString() {
        return "OpenAiSettings[" + access() + ", model=" + model + ", http=" + http + ", retry=" + retry
                + ", circuitBreaker=" + circuitBreaker + ", rateLimiter=" + rateLimiter + ", bulkhead=" + bulkhead + "]";
    }
}
