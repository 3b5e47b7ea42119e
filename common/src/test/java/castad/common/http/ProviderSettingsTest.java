package castad.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.mock.env.MockEnvironment;

class ProviderSettingsTest {

    private static final ProviderSettings.Published SUNO =
            new ProviderSettings.Published("https://api.sunoapi.org", 20, Duration.ofSeconds(10));

    @Test
    void withoutAKeyTheCallsGoToTheSimulatorWithinThePublishedRateLimit() {
        var suno = ProviderSettings.of(new MockEnvironment(), "suno", SUNO);

        assertThat(suno.access()).isEqualTo(new ProviderAccess("http://127.0.0.1:8090", "simulator", true));
        assertThat(suno.rateLimiter().limitForPeriod()).isEqualTo(20);
        assertThat(suno.rateLimiter().limitRefreshPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(suno.retry().maxAttempts()).isEqualTo(4);
    }

    @Test
    void withAKeyTheCallsGoToTheRealApiAndTheKeyIsNeverInTheText() {
        var environment = new MockEnvironment().withProperty("castad.suno.api-key", "sk-secret-123")
                .withProperty("castad.suno.rate-limiter.limit-for-period", "5")
                .withProperty("castad.creatomate.api-key", "not-suno's");

        var suno = ProviderSettings.of(environment, "suno", SUNO);

        assertThat(suno.access()).isEqualTo(new ProviderAccess("https://api.sunoapi.org", "sk-secret-123", false));
        assertThat(suno.rateLimiter().limitForPeriod()).as("configured, not published").isEqualTo(5);
        assertThat(suno.toString()).contains("suno", "https://api.sunoapi.org (key set)").doesNotContain("secret");
    }

    @Test
    void aBaseUrlWinsOverTheRealApi() {
        var environment = new MockEnvironment().withProperty("castad.suno.api-key", "sk-1")
                .withProperty("castad.suno.base-url", "https://suno.example.net");

        assertThat(ProviderSettings.of(environment, "suno", SUNO).access().baseUrl()).isEqualTo("https://suno.example.net");
    }

    @Test
    void anInvalidSettingFailsTheStartNamingTheProperty() {
        var environment = new MockEnvironment().withProperty("castad.suno.retry.max-attempts", "0");

        assertThatThrownBy(() -> ProviderSettings.of(environment, "suno", SUNO))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("castad.suno")
                .rootCause().hasMessageContaining("maxAttempts");
    }
}
