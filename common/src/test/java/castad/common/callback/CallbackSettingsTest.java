package castad.common.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackSettingsTest {

    private final CallbackSettings settings = new CallbackSettings("https://castad.example/", "a-test-callback-secret");

    @Test
    void eachWebhookUrlCarriesATokenForItsProviderAndRowOnlyAndNeverTheSecret() {
        String url = settings.sunoUrl(42);

        assertThat(url).startsWith("https://castad.example/api/v1/callbacks/suno?ref=42&token=")
                .doesNotContain("a-test-callback-secret");
        String token = url.substring(url.indexOf("token=") + 6);
        assertThat(settings.accepts("suno", 42, token)).isTrue();
        assertThat(settings.accepts("suno", 43, token)).as("another song").isFalse();
        assertThat(settings.accepts("creatomate", 42, token)).as("a video with the same id").isFalse();
        assertThat(settings.accepts("suno", 42, token.substring(1))).isFalse();
        assertThat(settings.accepts("suno", 42, "")).isFalse();
    }

    @Test
    void anotherSecretSignsOtherTokens() {
        var other = new CallbackSettings("https://castad.example", "another-callback-secret");

        assertThat(other.token("suno", 42)).isNotEqualTo(settings.token("suno", 42));
        assertThat(settings.token("suno", 42)).isEqualTo(settings.token("suno", 42)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theSecretStaysOutOfTheLogs() {
        assertThat(settings.toString()).doesNotContain("a-test-callback-secret");
    }
}
