package castad.simulators.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitStateTest {

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"0, 0s", "12, 12ms", "1000, 1s", "1500, 1.5s", "59998, 59.998s", "360000, 6m0s",
            "61250, 1m1.25s", "3600000, 1h0m0s"})
    void writesResetDurationsAsOpenAiDoes(long millis, String expected) {
        assertThat(RateLimitState.goDuration(Duration.ofMillis(millis))).isEqualTo(expected);
    }
}
