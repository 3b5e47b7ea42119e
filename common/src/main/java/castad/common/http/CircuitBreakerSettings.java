package castad.common.http;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a provider counts as unhealthy: over a count-based window of its last calls, only
 * {@link ProviderFailure#signalsUnhealth(Throwable) transient failures} count against it. A bad key, an
 * exhausted quota or unusable content is the provider answering properly: those calls count neither way.
 *
 * @param failureRateThreshold     percentage of transient failures in the window that opens the circuit
 * @param slidingWindowSize        calls the rate is computed over
 * @param minimumNumberOfCalls     calls in the window before any rate is judged
 * @param waitInOpenState          how long an open circuit refuses every call before it lets a few through
 * @param permittedCallsInHalfOpen the trial calls that decide between closing and opening again
 */
public record CircuitBreakerSettings(
        @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
        @DefaultValue("20") @Min(1) int slidingWindowSize,
        @DefaultValue("10") @Min(1) int minimumNumberOfCalls,
        @DefaultValue("30s") @NotNull Duration waitInOpenState,
        @DefaultValue("3") @Min(1) int permittedCallsInHalfOpen) {

    public CircuitBreakerConfig config() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumNumberOfCalls)
                .failureRateThreshold(failureRateThreshold)
                .waitDurationInOpenState(waitInOpenState)
                .permittedNumberOfCallsInHalfOpenState(permittedCallsInHalfOpen)
                // nothing calls while the worker is paused: the circuit must half-open by itself
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(ProviderFailure::signalsUnhealth)
                .ignoreException(failure -> !ProviderFailure.signalsUnhealth(failure))
                .build();
    }
}
