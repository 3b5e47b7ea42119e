package castad.simulators.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RequestWindowTest {

    private final SteppingClock clock = new SteppingClock();
    private final RequestWindow window = new RequestWindow(2, 100, clock);

    @Test
    void countsDownRequestsAndTokensWithinAMinute() {
        var first = window.admit(30);
        clock.advance(Duration.ofMillis(59_988));
        var second = window.admit(30);
        var third = window.admit(50);

        assertThat(first.requestsRemaining()).isEqualTo(1);
        assertThat(first.tokensRemaining()).isEqualTo(70);
        assertThat(second.reset()).isEqualTo(Duration.ofMillis(12));
        assertThat(second.exceeded()).isFalse();
        assertThat(third.exceeded()).isTrue();
        assertThat(third.headers().getFirst("x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(third.headers().getFirst("x-ratelimit-reset-requests")).isEqualTo("12ms");
    }

    @Test
    void startsAFreshWindowOnceTheMinuteIsOver() {
        window.admit(100);
        window.admit(100);
        clock.advance(Duration.ofMinutes(1));

        var next = window.admit(10);

        assertThat(next.exceeded()).isFalse();
        assertThat(next.requestsRemaining()).isEqualTo(1);
        assertThat(next.reset()).isEqualTo(Duration.ofMinutes(1));
    }

    private static final class SteppingClock extends Clock {

        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
