package castad.common.http;

/**
 * What bounds the calls to one provider (DESIGN guarantee 6). Each provider's settings record implements it,
 * so that {@code castad.<provider>.retry|circuit-breaker|rate-limiter|bulkhead.*} configure it.
 */
public interface ProviderLimits {

    RetrySettings retry();

    CircuitBreakerSettings circuitBreaker();

    RateLimiterSettings rateLimiter();

    BulkheadSettings bulkhead();
}
