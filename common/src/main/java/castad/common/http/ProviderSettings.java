package castad.common.http;

import castad.common.config.ConfiguredRecords;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Where castad reaches one provider and what bounds its calls (DESIGN guarantee 6), the same for every provider:
 * {@code castad.<provider>.api-key}, {@code base-url}, {@code simulator-url}, {@code http.*}, {@code retry.*},
 * {@code circuit-breaker.*}, {@code rate-limiter.*} and {@code bulkhead.*}. What only one provider has (Suno's
 * model, Creatomate's API version) is that provider's own {@code @ConfigurationProperties} record under the same
 * prefix. A provider's {@link ProviderGuard} is made from these ({@link ProviderGuards#guard}) and its client from
 * the guard's. Its text says where the calls go and how they are bounded, never the key.
 *
 * @param provider the provider's name ({@code openai}, {@code suno}, {@code creatomate}): its prefix, and the name
 *                 of its retry, circuit breaker, rate limiter and bulkhead in the metrics
 * @param access   where the calls go, with which key: with {@code <PROVIDER>_API_KEY} the real API (or
 *                 {@code base-url} when set), without one castad's simulator at {@code simulator-url}
 */
public record ProviderSettings(String provider, ProviderAccess access, HttpClientSettings http, RetrySettings retry,
                               CircuitBreakerSettings circuitBreaker, RateLimiterSettings rateLimiter,
                               BulkheadSettings bulkhead) {

    /**
     * What a provider publishes: its API's address, and the rate limit castad keeps (per instance) when none is
     * configured; with several instances, divide the account's limit among them.
     */
    public record Published(String url, int requests, Duration per) {
    }

    /** {@code castad.<provider>.*}, each missing setting at its default; an invalid one fails the start. */
    public static ProviderSettings of(Environment environment, String provider, Published published) {
        Configured configured = ConfiguredRecords.bind(environment, "castad." + provider, Configured.class);
        return new ProviderSettings(provider,
                ProviderAccess.resolve(configured.apiKey(), configured.baseUrl(), published.url(),
                        configured.simulatorUrl()),
                configured.http(), configured.retry(), configured.circuitBreaker(),
                configured.rateLimiter().orPublished(published.requests(), published.per()), configured.bulkhead());
    }

    /** The provider's one pooled HTTP client, to {@link #access} with {@link #http}'s timeouts. */
    public RestClient restClient(ObservationRegistry observations) {
        return access.restClient(http, observations);
    }

    /** The properties as configured; the key stays in here, and this never leaves {@link #of}. */
    record Configured(
            String apiKey,
            String baseUrl,
            @DefaultValue("http://127.0.0.1:8090") @NotBlank String simulatorUrl,
            @DefaultValue @Valid HttpClientSettings http,
            @DefaultValue @Valid RetrySettings retry,
            @DefaultValue @Valid CircuitBreakerSettings circuitBreaker,
            @DefaultValue @Valid RateLimiterSettings rateLimiter,
            @DefaultValue @Valid BulkheadSettings bulkhead) {

        @Override
        public String toString() {
            return "ProviderSettings.Configured[" + baseUrl + ", " + simulatorUrl + "]";
        }
    }
}
