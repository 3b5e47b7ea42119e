package castad.common.http;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

/**
 * How every provider call is retried: exponential backoff with jitter, unless the provider said when to
 * come back. Only {@link ProviderFailure#retryable() transient} failures are retried: a bad key or an
 * exhausted quota fails the stage at once, with no retry storm.
 */
public final class ProviderRetries {

    private ProviderRetries() {
    }

    public static RetryConfig config(RetrySettings retry) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(), 2.0, 0.5,
                retry.maxWait());
        IntervalBiFunction<Object> wait = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof ProviderFailure failure
                    && failure.retryAfter().isPresent()) {
                return Math.min(failure.retryAfter().get().toMillis(), retry.maxWait().toMillis());
            }
            return backoff.apply(attempt);
        };
        return RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalBiFunction(wait)
                .retryOnException(e -> e instanceof ProviderFailure failure && failure.retryable())
                .failAfterMaxAttempts(false)
                .build();
    }
}
