package castad.common.http;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to one provider goes through here: Retry(CircuitBreaker(RateLimiter(Bulkhead(call)))).
 * <ul>
 * <li>Retry outermost: each attempt passes every guard again, and a refused attempt is not retried.</li>
 * <li>The circuit breaker outside the limiters: a call refused for want of a permit or a slot never reached
 * the provider and says nothing about its health; an open circuit refuses before spending a permit.</li>
 * <li>The rate limiter outside the bulkhead: a call waiting for a permit does not hold a slot.</li>
 * </ul>
 * What reaches the caller is the call's result, a final {@link ProviderFailure}, or
 * {@link ProviderCallRefused} when resilience kept the call from being made.
 */
public final class ProviderGuard {

    private static final Logger log = LoggerFactory.getLogger(ProviderGuard.class);

    private final String provider;
    private final ProviderSettings settings;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private final MeterRegistry meters;
    private final ScheduledExecutorService retryTimer;

    ProviderGuard(ProviderSettings settings, Retry retry, CircuitBreaker circuitBreaker, RateLimiter rateLimiter,
                  Bulkhead bulkhead, MeterRegistry meters, ScheduledExecutorService retryTimer) {
        this.provider = settings.provider();
        this.settings = settings;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.rateLimiter = rateLimiter;
        this.bulkhead = bulkhead;
        this.meters = meters;
        this.retryTimer = retryTimer;
        circuitBreaker.getEventPublisher().onStateTransition(event -> logTransition(event.getStateTransition()));
    }

    public String provider() {
        return provider;
    }

    /** Where the calls go and what bounds them: a provider's client is made from these. */
    public ProviderSettings settings() {
        return settings;
    }

    public <T> T call(Supplier<T> call) {
        Supplier<T> timed = () -> {
            long start = System.nanoTime();
            Throwable failure = null;
            try {
                return call.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                recordCall(start, failure);
            }
        };
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker,
                RateLimiter.decorateSupplier(rateLimiter, Bulkhead.decorateSupplier(bulkhead, timed)));
        try {
            return retry.executeSupplier(guarded);
        } catch (CallNotPermittedException | RequestNotPermitted | BulkheadFullException e) {
            throw (ProviderCallRefused) refusedOrAsIs(e);
        }
    }

    /**
     * A paid request: as {@link #call}, with {@code marks} told of each attempt just before it is sent and of
     * each attempt the provider rejected, so that what may have been paid is known if this instance dies.
     */
    public <T> T callPaid(Supplier<T> request, PaidRequestMarks marks) {
        return call(() -> {
            marks.sending();
            try {
                return request.get();
            } catch (ProviderFailure failure) {
                if (failure.rejection()) {
                    marks.rejected();
                }
                throw failure;
            }
        });
    }

    /**
     * A paid request that answers later ({@code request} starts it and returns at once): the same guards and
     * marks as {@link #callPaid}, with no thread waiting while the provider works. Backoffs between attempts
     * are timers, not sleeps. The calling thread may still wait a moment for a rate-limit permit or a bulkhead
     * slot (at most their configured waits): that is back-pressure on the caller, before anything is sent. A
     * retry waits so on the retry timer's thread, which only asynchronous calls use: the calls it holds up would
     * wait for the same slot.
     * The returned stage fails with the final {@link ProviderFailure} or {@link ProviderCallRefused}.
     */
    public <T> CompletionStage<T> callPaidAsync(Supplier<CompletionStage<T>> request, PaidRequestMarks marks) {
        Supplier<CompletionStage<T>> marked = () -> {
            marks.sending();
            // completed with the bare failure, so that every guard judges the failure, not its wrapper
            var attempt = new CompletableFuture<T>();
            long start = System.nanoTime();
            request.get().whenComplete((answer, failure) -> {
                Throwable cause = failure == null ? null : unwrapped(failure);
                recordCall(start, cause);
                if (cause == null) {
                    attempt.complete(answer);
                    return;
                }
                try {
                    if (cause instanceof ProviderFailure provider && provider.rejection()) {
                        marks.rejected();
                    }
                } finally {
                    attempt.completeExceptionally(cause);
                }
            });
            return attempt;
        };
        Supplier<CompletionStage<T>> guarded = CircuitBreaker.decorateCompletionStage(circuitBreaker,
                RateLimiter.decorateCompletionStage(rateLimiter, Bulkhead.decorateCompletionStage(bulkhead, marked)));
        var result = new CompletableFuture<T>();
        Retry.decorateCompletionStage(retry, retryTimer, guarded).get().whenComplete((answer, failure) -> {
            if (failure == null) {
                result.complete(answer);
            } else {
                result.completeExceptionally(refusedOrAsIs(unwrapped(failure)));
            }
        });
        return result;
    }

    /**
     * {@code castad.provider.call}: each request's latency as the provider gave it (after every wait for a
     * permit or a slot), by outcome: {@code success}, {@code transient} (5xx, rate limit, no answer),
     * {@code final} (an answer that will not change) or {@code error}.
     */
    private void recordCall(long startNanos, Throwable failure) {
        String outcome = failure == null ? "success"
                : failure instanceof ProviderFailure provider ? (provider.retryable() ? "transient" : "final")
                : "error";
        Timer.builder("castad.provider.call").tag("provider", provider).tag("outcome", outcome)
                .description("Requests to a provider, from sending to its answer")
                .register(meters).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private Throwable refusedOrAsIs(Throwable failure) {
        if (failure instanceof CallNotPermittedException e) {
            return refused("circuit_open", e);
        } else if (failure instanceof RequestNotPermitted e) {
            return refused("rate_limited", e);
        } else if (failure instanceof BulkheadFullException e) {
            return refused("bulkhead_full", e);
        }
        return failure;
    }

    /** What failed, unwrapped from the {@link CompletionException} a dependent stage puts around it. */
    public static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The circuit is open: every call would be refused, so nobody should start work for this provider. */
    public boolean open() {
        CircuitBreaker.State state = circuitBreaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    /** Tells {@code listener} whether the circuit is open, at each change of its state. */
    public void whenCircuitChanges(Consumer<Boolean> listener) {
        circuitBreaker.getEventPublisher().onStateTransition(event -> listener.accept(open(event.getStateTransition())));
    }

    private ProviderCallRefused refused(String reason, RuntimeException cause) {
        Counter.builder("castad.provider.refused").tag("provider", provider).tag("reason", reason)
                .description("Calls not made because the provider's circuit was open, its rate limit used up "
                        + "or its bulkhead full; the work was handed back, not failed")
                .register(meters).increment();
        return new ProviderCallRefused(provider, reason, cause);
    }

    private void logTransition(CircuitBreaker.StateTransition transition) {
        if (open(transition)) {
            CircuitBreaker.Metrics metrics = circuitBreaker.getMetrics();
            log.warn("Circuit of {} {} -> {} ({}% of the last {} calls failed transiently): no call is made until "
                            + "it half-opens", provider, transition.getFromState(), transition.getToState(),
                    Math.max(0, metrics.getFailureRate()), metrics.getNumberOfBufferedCalls());
        } else {
            log.info("Circuit of {} {} -> {}", provider, transition.getFromState(), transition.getToState());
        }
    }

    private static boolean open(CircuitBreaker.StateTransition transition) {
        CircuitBreaker.State to = transition.getToState();
        return to == CircuitBreaker.State.OPEN || to == CircuitBreaker.State.FORCED_OPEN;
    }
}
