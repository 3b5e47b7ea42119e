package castad.song.suno;

import castad.common.http.BulkheadSettings;
import castad.common.http.CircuitBreakerSettings;
import castad.common.http.HttpClientSettings;
import castad.common.http.ProviderAccess;
import castad.common.http.ProviderLimits;
import castad.common.http.RateLimiterSettings;
import castad.common.http.RetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKey         {@code SUNO_API_KEY}; without it castad uses its simulator
 * @param baseUrl        {@code SUNO_BASE_URL}; empty means the real API with a key, the simulator without
 * @param promptLimit    the model's lyrics limit (V4: 3000, V4_5 and later: 5000 characters)
 * @param rateLimiter    unset: Suno's published 20 requests per 10 s (generate and record-info together), per
 *                       instance; with several instances, divide the account's limit among them
 */
@Validated
@ConfigurationProperties("castad.suno")
public record SunoSettings(
        String apiKey,
        String baseUrl,
        @DefaultValue("http://127.0.0.1:8090") @NotBlank String simulatorUrl,
        @DefaultValue("V4_5ALL") @NotBlank String model,
        @DefaultValue("5000") @Min(1) @Max(5000) int promptLimit,
        @DefaultValue @Valid HttpClientSettings http,
        @DefaultValue @Valid RetrySettings retry,
        @DefaultValue @Valid CircuitBreakerSettings circuitBreaker,
        @DefaultValue @Valid RateLimiterSettings rateLimiter,
        @DefaultValue @Valid BulkheadSettings bulkhead) implements ProviderLimits {

    static final String SUNO_URL = "https://api.sunoapi.org";

    public SunoSettings {
        rateLimiter = rateLimiter.orPublished(20, Duration.ofSeconds(10));
    }

    public ProviderAccess access() {
        return ProviderAccess.resolve(apiKey, baseUrl, SUNO_URL, simulatorUrl);
    }

    @Override
    public String toString() {
        return "SunoSettings[" + access() + ", model=" + model + ", http=" + http + ", retry=" + retry
                + ", circuitBreaker=" + circuitBreaker + ", rateLimiter=" + rateLimiter + ", bulkhead=" + bulkhead + "]";
    }
}
