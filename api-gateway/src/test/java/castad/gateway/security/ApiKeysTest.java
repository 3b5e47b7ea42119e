package castad.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String WEB_KEY = "castad-web-3b9f0a";
    private static final String OPS_KEY = "castad-ops-77c1d2";
    private final ApiKeys keys = new ApiKeys(List.of(ApiKey.parse("web:" + hash(WEB_KEY)),
            ApiKey.parse("ops:" + hash(OPS_KEY) + ":admin")));

    @Test
    void aPresentedKeyIsKnownByItsHashAndBecomesItsCaller() {
        assertThat(keys.match(WEB_KEY)).map(ApiKey::caller).contains(new Caller("web", false));
        assertThat(keys.match(OPS_KEY)).map(ApiKey::caller).contains(new Caller("ops", true));
    }

    @Test
    void unknownEmptyOverlongAndHashLookingKeysMatchNothing() {
        assertThat(keys.match("castad-web-3b9f0b")).isEmpty();
        assertThat(keys.match("")).isEmpty();
        assertThat(keys.match(WEB_KEY + "x".repeat(ApiKeys.MAX_LENGTH))).isEmpty();
        assertThat(keys.match(hash(WEB_KEY))).as("the configured hash is not a key").isEmpty();
    }

    @Test
    void anAdminSeesEveryOwnerAndAUserOnlyItself() {
        assertThat(new Caller("web", false).owns("web")).isTrue();
        assertThat(new Caller("web", false).owns("other")).isFalse();
        assertThat(new Caller("web", false).owns("")).isFalse();
        assertThat(new Caller("ops", true).owns("other")).isTrue();
    }

    @Test
    void theConfigurationHoldsHashesNeverKeysAndSaysWhatIsWrong() {
        assertThatThrownBy(() -> ApiKey.parse("web:" + WEB_KEY)).hasMessageContaining("SHA-256")
                .hasMessageNotContaining(WEB_KEY);
        assertThatThrownBy(() -> ApiKey.parse("web")).hasMessageContaining("name:sha256hex");
        assertThatThrownBy(() -> ApiKey.parse("we b:" + hash(WEB_KEY))).hasMessageContaining("name");
        assertThatThrownBy(() -> ApiKey.parse("web:" + hash(WEB_KEY) + ":root")).hasMessageContaining("user or admin");
        assertThat(ApiKey.parse(" web:" + hash(WEB_KEY).toUpperCase() + ":ADMIN ").role()).isEqualTo(ApiKey.Role.ADMIN);
    }

    @Test
    void twoKeysMayNotShareANameOrAHash() {
        assertThatThrownBy(() -> new SecuritySettings(List.of(ApiKey.parse("web:" + hash(WEB_KEY)),
                ApiKey.parse("web:" + hash(OPS_KEY))))).hasMessageContaining("Two API keys are named 'web'");
        assertThatThrownBy(() -> new SecuritySettings(List.of(ApiKey.parse("web:" + hash(WEB_KEY)),
                ApiKey.parse("app:" + hash(WEB_KEY))))).hasMessageContaining("hash of another key");
    }

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }
}
