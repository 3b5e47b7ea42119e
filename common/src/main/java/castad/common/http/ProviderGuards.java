package castad.common.http;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Makes a provider's {@link ProviderGuard} from its {@link ProviderSettings}. Its retry, circuit breaker, rate
 * limiter and bulkhead are registered under the provider's name in resilience4j's registries, so their
 * metrics are exported ({@code resilience4j_circuitbreaker_state{name="suno"}}, ...). A worker imports this
 * class into its configuration ({@code @Import(ProviderGuards.class)}).
 */
public class ProviderGuards implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProviderGuards.class);

    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RateLimiterRegistry rateLimiters;
    private final BulkheadRegistry bulkheads;
    private final MeterRegistry meters;
    /** Times the backoffs of asynchronous calls: one thread, it only hands each retry on when due. */
    private final ScheduledExecutorService retryTimer = Executors.newSingleThreadScheduledExecutor(timerThreads());

    public ProviderGuards(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
                          RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads, MeterRegistry meters) {
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
        this.rateLimiters = rateLimiters;
        this.bulkheads = bulkheads;
        this.meters = meters;
    }

    /** The guard of the provider {@code castad.<provider>.*} describes ({@link ProviderSettings#of}). */
    public ProviderGuard guard(Environment environment, String provider, ProviderSettings.Published published) {
        ProviderSettings settings = ProviderSettings.of(environment, provider, published);
        log.info("Calls to {}: {}", provider, settings);
        return guard(settings);
    }

    public ProviderGuard guard(ProviderSettings settings) {
        String provider = settings.provider();
        return new ProviderGuard(settings,
                retries.retry(provider, ProviderRetries.config(settings.retry())),
                circuitBreakers.circuitBreaker(provider, settings.circuitBreaker().config()),
                rateLimiters.rateLimiter(provider, settings.rateLimiter().config()),
                bulkheads.bulkhead(provider, settings.bulkhead().config()),
                meters, retryTimer);
    }

    @Override
    public void destroy() {
        retryTimer.shutdownNow();
    }

    private static CustomizableThreadFactory timerThreads() {
        var threads = new CustomizableThreadFactory("provider-retry-");
        threads.setDaemon(true);
        return threads;
    }
}
