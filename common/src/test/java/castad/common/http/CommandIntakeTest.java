package castad.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

class CommandIntakeTest {

    private final CircuitBreakerRegistry circuits = CircuitBreakerRegistry.ofDefaults();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProviderGuard guard = new ProviderGuards(RetryRegistry.ofDefaults(), circuits,
            RateLimiterRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(), meters).guard(new ProviderGuardTest.Limits(
                    new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1)),
                    new CircuitBreakerSettings(50, 4, 4, Duration.ofMinutes(1), 1),
                    new RateLimiterSettings(10, Duration.ofSeconds(1), Duration.ZERO),
                    new BulkheadSettings(1, Duration.ZERO)).of("suno"));
    private final KafkaListenerEndpointRegistry listeners = mock(KafkaListenerEndpointRegistry.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);

    @Test
    void theCommandListenerPausesWhenTheCircuitOpensAndResumesWhenItHalfOpens() {
        when(listeners.getListenerContainer("song-requests")).thenReturn(container);
        new CommandIntake(guard, listeners, "song-requests", meters);

        circuits.circuitBreaker("suno").transitionToOpenState();
        verify(container).pause();
        when(container.isPauseRequested()).thenReturn(true);
        assertThat(meters.get("castad.listener.paused").tag("listener", "song-requests").gauge().value()).isEqualTo(1.0);

        circuits.circuitBreaker("suno").transitionToHalfOpenState();
        verify(container).resume();
    }

    @Test
    void aListenerThatIsNotPausedIsNotResumed() {
        when(listeners.getListenerContainer("song-requests")).thenReturn(container);
        new CommandIntake(guard, listeners, "song-requests", meters);

        circuits.circuitBreaker("suno").transitionToForcedOpenState();
        circuits.circuitBreaker("suno").transitionToClosedState();

        verify(container).pause();
        verify(container, never()).resume(); // the mock never reports the pause as requested
    }
}
