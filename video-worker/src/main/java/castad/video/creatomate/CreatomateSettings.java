package castad.video.creatomate;

import castad.common.http.BulkheadSettings;
import castad.common.http.CircuitBreakerSettings;
import castad.common.http.HttpClientSettings;
import castad.common.http.ProviderAccess;
import castad.common.http.ProviderLimits;
import castad.common.http.RateLimiterSettings;
import castad.common.http.RetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKey      {@code CREATOMATE_API_KEY}; without it castad uses its simulator
 * @param baseUrl     {@code CREATOMATE_BASE_URL}; empty means the real API with a key, the simulator without
 * @param apiVersion  the version of Creatomate's API castad calls: {@code v2} (its current reference: a render is
 *                    created with {@code POST /v2/renders}, which answers one render object) or {@code v1} (answers
 *                    an array of renders); castad reads either answer from either version
 * @param templateTtl how long a fetched template is reused (a fetch costs 1-2 s)
 * @param rateLimiter unset: Creatomate's published 30 requests per 10 s per account (renders, polls and
 *                    template fetches together), per instance; with several instances, divide it among them
 */
@Validated
@ConfigurationProperties("castad.creatomate")
public record CreatomateSettings(
        String apiKey,
        String baseUrl,
        @DefaultValue("http://127.0.0.1:8090") @NotBlank String simulatorUrl,
        @DefaultValue("v2") @Pattern(regexp = "v1|v2", message = "must be v1 or v2") String apiVersion,
        @DefaultValue("5m") @NotNull Duration templateTtl,
        @DefaultValue @Valid HttpClientSettings http,
        @DefaultValue @Valid RetrySettings retry,
        @DefaultValue @Valid CircuitBreakerSettings circuitBreaker,
        @DefaultValue @Valid RateLimiterSettings rateLimiter,
        @DefaultValue @Valid BulkheadSettings bulkhead) implements ProviderLimits {

    static final String CREATOMATE_URL = "https://api.creatomate.com";

    public CreatomateSettings {
        rateLimiter = rateLimiter.orPublished(30, Duration.ofSeconds(10));
    }

    public ProviderAccess access() {
        return ProviderAccess.resolve(apiKey, baseUrl, CREATOMATE_URL, simulatorUrl);
    }

    @Override
    public String toString() {
        return "CreatomateSettings[" + access() + ", apiVersion=" + apiVersion + ", templateTtl=" + templateTtl + ", http=" + http + ", retry="
                + retry + ", circuitBreaker=" + circuitBreaker + ", rateLimiter=" + rateLimiter + ", bulkhead="
                + bulkhead + "]";
    }
}
