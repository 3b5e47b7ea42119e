package castad.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/**
 * The shared resilience of every provider call ({@code castad.common.http}), tested here because common's
 * own test tree belongs to another change; it has no Spring and no worker code in it.
 */
class ProviderGuardTest {

    private static final RetrySettings NO_RETRY = new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final CircuitBreakerSettings SMALL_WINDOW =
            new CircuitBreakerSettings(50, 4, 4, Duration.ofSeconds(30), 1);
    private static final RateLimiterSettings GENEROUS =
            new RateLimiterSettings(1000, Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final BulkheadSettings ROOMY = new BulkheadSettings(10, Duration.ofSeconds(1));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aPaidRequestIsMarkedBeforeEachAttemptAndUnmarkedOnlyWhenTheProviderRejectedIt() {
        var threeTries = new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5));
        ProviderGuard guard = guard(new Limits(threeTries, SMALL_WINDOW, GENEROUS, ROOMY));
        List<String> marks = new CopyOnWriteArrayList<>();
        List<RuntimeException> answers = List.of(
                ProviderFailure.transientFailure("SUNO_UNAVAILABLE", "503", null).asRejection(),
                ProviderFailure.transientFailure("SUNO_UNREACHABLE", "connection reset: no answer, maybe taken", null));
        AtomicInteger attempt = new AtomicInteger();

        String id = guard.callPaid(() -> {
            int n = attempt.getAndIncrement();
            if (n < answers.size()) {
                throw answers.get(n);
            }
            return "task-1";
        }, recording(marks));

        assertThat(id).isEqualTo("task-1");
        assertThat(marks).containsExactly("sending", "rejected", "sending", "sending");
    }

    @Test
    void anAsynchronousCallReturnsBeforeTheProviderAnswersAndIsRetriedOnATimerWithTheSameMarks() throws Exception {
        var threeTries = new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5));
        ProviderGuard guard = guard(new Limits(threeTries, SMALL_WINDOW, GENEROUS, ROOMY));
        List<String> marks = new CopyOnWriteArrayList<>();
        List<CompletableFuture<String>> answers = new CopyOnWriteArrayList<>();

        CompletableFuture<String> result = guard.callPaidAsync(() -> {
            var answer = new CompletableFuture<String>();
            answers.add(answer);
            return answer;
        }, recording(marks)).toCompletableFuture();

        assertThat(result).as("nothing waited for the provider").isNotDone();
        answers.get(0).completeExceptionally(ProviderFailure.transientFailure("OPENAI_UNAVAILABLE", "503", null).asRejection());
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 2);
        answers.get(1).completeExceptionally(ProviderFailure.transientFailure("OPENAI_UNREACHABLE", "reset", null));
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 3);
        answers.get(2).complete("lyrics");

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("lyrics");
        assertThat(marks).containsExactly("sending", "rejected", "sending", "sending");
    }

    @Test
    void anAsynchronousCallEndsWithTheFinalFailureOrTheRefusalNeverAWrapper() {
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, GENEROUS, ROOMY));
        var badKey = ProviderFailure.permanent("OPENAI_UNAUTHORIZED", "bad key");

        assertThat(guard.callPaidAsync(() -> CompletableFuture.failedFuture(badKey), PaidRequestMarks.NONE)
                .toCompletableFuture()).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause().isSameAs(badKey);
        IntStream.range(0, 4).forEach(i -> guard.callPaidAsync(() -> CompletableFuture.failedFuture(
                ProviderFailure.transientFailure("OPENAI_UNAVAILABLE", "500", null)), PaidRequestMarks.NONE));
        assertThat(guard.open()).as("the asynchronous failures counted against the provider").isTrue();
        assertThat(guard.callPaidAsync(() -> CompletableFuture.completedFuture("x"), PaidRequestMarks.NONE)
                .toCompletableFuture()).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(ProviderCallRefused.class, refused -> assertThat(refused.reason()).isEqualTo("circuit_open"));
    }

    private static PaidRequestMarks recording(List<String> marks) {
        return new PaidRequestMarks() {
            @Override
            public void sending() {
                marks.add("sending");
            }

            @Override
            public void rejected() {
                marks.add("rejected");
            }
        };
    }

    @Test
    void aRetryWaitsAsLongAsTheProviderAskedAndBacksOffOnItsOwnWhenItDidNotAsk() {
        var retries = new RetrySettings(2, Duration.ofMillis(1), Duration.ofSeconds(5));
        List<Long> asked = attemptTimes(guard(new Limits(retries, SMALL_WINDOW, GENEROUS, ROOMY)),
                ProviderFailure.transientFailure("CREATOMATE_RATE_LIMITED", "429", Duration.ofMillis(400)));
        List<Long> silent = attemptTimes(guard(new Limits(retries, SMALL_WINDOW, GENEROUS, ROOMY)),
                ProviderFailure.transientFailure("CREATOMATE_UNAVAILABLE", "503", null));

        assertThat(asked.get(1) - asked.get(0)).as("Retry-After: 400 ms").isGreaterThanOrEqualTo(400);
        assertThat(silent.get(1) - silent.get(0)).as("no Retry-After: the 1 ms backoff, with jitter")
                .isLessThan(400);
    }

    /** Milliseconds at which each attempt ran: the first fails with {@code failure}, the second succeeds. */
    private static List<Long> attemptTimes(ProviderGuard guard, ProviderFailure failure) {
        List<Long> times = new CopyOnWriteArrayList<>();
        guard.call(() -> {
            times.add(System.nanoTime() / 1_000_000);
            if (times.size() == 1) {
                throw failure;
            }
            return "ok";
        });
        return times;
    }

    @Test
    void finalFailuresSuchAsABadKeyNeverOpenTheCircuit() {
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, GENEROUS, ROOMY));

        IntStream.range(0, 10).forEach(i -> assertThatThrownBy(() -> guard.call(failing(
                ProviderFailure.permanent("OPENAI_UNAUTHORIZED", "bad key")))).isInstanceOf(ProviderFailure.class));

        assertThat(guard.open()).isFalse();
        assertThat(calls).hasValue(10);
    }

    @Test
    void transientFailuresOpenTheCircuitAndThenNoCallIsMadeAtAll() {
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, GENEROUS, ROOMY));

        IntStream.range(0, 4).forEach(i -> assertThatThrownBy(() -> guard.call(failing(
                ProviderFailure.transientFailure("OPENAI_UNAVAILABLE", "500", null)))).isInstanceOf(ProviderFailure.class));

        assertThat(guard.open()).isTrue();
        assertThatThrownBy(() -> guard.call(succeeding())).isInstanceOf(ProviderCallRefused.class)
                .extracting(e -> ((ProviderCallRefused) e).reason()).isEqualTo("circuit_open");
        assertThat(calls).as("the refused call never ran").hasValue(4);
        assertThat(refusals("circuit_open")).isEqualTo(1.0);
    }

    @Test
    void ioErrorsCountAgainstTheProvidersHealthLikeServerErrors() {
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, GENEROUS, ROOMY));

        List.of(new ResourceAccessException("connection reset"), new UncheckedIOException(new java.io.IOException("eof")),
                        new ResourceAccessException("read timed out"), new UncheckedIOException(new java.io.IOException("x")))
                .forEach(failure -> assertThatThrownBy(() -> guard.call(failing(failure))).isSameAs(failure));

        assertThat(guard.open()).isTrue();
    }

    @Test
    void aFewTransientFailuresAmongSuccessesLeaveTheCircuitClosed() {
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, GENEROUS, ROOMY));

        guard.call(succeeding());
        guard.call(succeeding());
        guard.call(succeeding());
        assertThatThrownBy(() -> guard.call(failing(ProviderFailure.transientFailure("X", "503", null))));

        assertThat(guard.open()).as("1 failure in 4 calls is below 50%").isFalse();
    }

    @Test
    void eachRequestsLatencyIsRecordedPerProviderAndOutcome() {
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, GENEROUS, ROOMY));

        guard.call(succeeding());
        guard.call(succeeding());
        assertThatThrownBy(() -> guard.call(failing(ProviderFailure.transientFailure("X", "503", null))));
        assertThatThrownBy(() -> guard.call(failing(ProviderFailure.permanent("Y", "401"))));
        guard.callPaidAsync(() -> CompletableFuture.completedFuture("z"), PaidRequestMarks.NONE);

        assertThat(meters.get("castad.provider.call").tag("provider", "test").tag("outcome", "success").timer().count())
                .isEqualTo(3);
        assertThat(meters.get("castad.provider.call").tag("outcome", "transient").timer().count()).isEqualTo(1);
        assertThat(meters.get("castad.provider.call").tag("outcome", "final").timer().count()).isEqualTo(1);
    }

    @Test
    void eachRetryAttemptPassesTheCircuitSoAnAttemptAfterItOpensIsRefusedNotMade() {
        var retries = new RetrySettings(4, Duration.ofMillis(1), Duration.ofMillis(5));
        var twoCalls = new CircuitBreakerSettings(100, 2, 2, Duration.ofSeconds(30), 1);
        ProviderGuard guard = guard(new Limits(retries, twoCalls, GENEROUS, ROOMY));

        assertThatThrownBy(() -> guard.call(failing(ProviderFailure.transientFailure("SUNO_UNAVAILABLE", "500", null))))
                .isInstanceOf(ProviderCallRefused.class);

        assertThat(calls).as("two attempts opened the circuit, the third was not made").hasValue(2);
    }

    @Test
    void anOpenCircuitHalfOpensByItselfAndSaysSoToItsListeners() {
        var briefly = new CircuitBreakerSettings(50, 2, 2, Duration.ofMillis(200), 1);
        ProviderGuard guard = guard(new Limits(NO_RETRY, briefly, GENEROUS, ROOMY));
        List<Boolean> openings = new CopyOnWriteArrayList<>();
        guard.whenCircuitChanges(openings::add);

        IntStream.range(0, 2).forEach(i -> assertThatThrownBy(() -> guard.call(failing(
                ProviderFailure.transientFailure("CREATOMATE_UNAVAILABLE", "502", null)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> openings.equals(List.of(true, false)));
        guard.call(succeeding());

        assertThat(openings).containsExactly(true, false, false); // open, half-open, closed
        assertThat(guard.open()).isFalse();
    }

    @Test
    void theRateLimiterSpacesCallsToItsLimitPerPeriod() {
        var onePer200ms = new RateLimiterSettings(1, Duration.ofMillis(200), Duration.ofSeconds(2));
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, onePer200ms, ROOMY));
        List<Long> startedAt = new CopyOnWriteArrayList<>();

        IntStream.range(0, 4).forEach(i -> guard.call(() -> startedAt.add(System.nanoTime())));

        assertThat(TimeUnit.NANOSECONDS.toMillis(startedAt.get(3) - startedAt.get(0)))
                .as("the fourth call at one per 200 ms waits for the third period after the first").isGreaterThanOrEqualTo(400);
    }

    @Test
    void aCallerThatWouldWaitLongerThanTheRateLimitersTimeoutIsRefusedAndTheCallNotMade() {
        var onePerMinute = new RateLimiterSettings(1, Duration.ofMinutes(1), Duration.ofMillis(50));
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, onePerMinute, ROOMY));
        guard.call(succeeding());

        assertThatThrownBy(() -> guard.call(succeeding())).isInstanceOf(ProviderCallRefused.class)
                .extracting(e -> ((ProviderCallRefused) e).reason()).isEqualTo("rate_limited");
        assertThat(calls).hasValue(1);
        assertThat(guard.open()).as("a refusal says nothing about the provider").isFalse();
    }

    @Test
    void aFullBulkheadRefusesTheCallInsteadOfQueueingIt() throws Exception {
        var one = new BulkheadSettings(1, Duration.ZERO);
        ProviderGuard guard = guard(new Limits(NO_RETRY, SMALL_WINDOW, GENEROUS, one));
        var inFlight = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> guard.call(() -> {
            inFlight.countDown();
            return released(finish);
        }));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> guard.call(succeeding())).isInstanceOf(ProviderCallRefused.class)
                .extracting(e -> ((ProviderCallRefused) e).reason()).isEqualTo("bulkhead_full");
        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(true);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aProvidersPublishedRateLimitAppliesWhereNoneIsConfigured() {
        var unset = new RateLimiterSettings(null, null, Duration.ofSeconds(2));
        var configured = new RateLimiterSettings(5, Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(unset.orPublished(20, Duration.ofSeconds(10)))
                .isEqualTo(new RateLimiterSettings(20, Duration.ofSeconds(10), Duration.ofSeconds(2)));
        assertThat(configured.orPublished(20, Duration.ofSeconds(10))).isEqualTo(configured);
    }

    private ProviderGuard guard(Limits limits) {
        return new ProviderGuards(RetryRegistry.ofDefaults(), CircuitBreakerRegistry.ofDefaults(),
                RateLimiterRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(), meters).guard(limits.of("test"));
    }

    private Supplier<Object> failing(RuntimeException failure) {
        return () -> {
            calls.incrementAndGet();
            throw failure;
        };
    }

    private Supplier<Object> succeeding() {
        return calls::incrementAndGet;
    }

    private double refusals(String reason) {
        return meters.get("castad.provider.refused").tag("provider", "test").tag("reason", reason).counter().count();
    }

    private static boolean released(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    record Limits(RetrySettings retry, CircuitBreakerSettings circuitBreaker, RateLimiterSettings rateLimiter,
                  BulkheadSettings bulkhead) {

        /** A provider's settings with these limits (its address and client settings play no part here). */
        ProviderSettings of(String provider) {
            return new ProviderSettings(provider, new ProviderAccess("http://127.0.0.1:9", "key", true),
                    new HttpClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1)), retry, circuitBreaker,
                    rateLimiter, bulkhead);
        }
    }
}
