package castad.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class UnsafeDefaultsTest {

    private static final String AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
            + UnsafeDefaults.AZURITE_ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    @Test
    void outsideTheLocalProfileEveryWellKnownSecretIsRefusedByNameNeverByValue() {
        var environment = developmentDefaults();

        assertThat(UnsafeDefaults.unsafe(environment)).containsExactly(
                "the development callback secret (set CASTAD_CALLBACK_SECRET)",
                "Azurite's published account key (set CASTAD_BLOB_CONNECTION_STRING)",
                "an empty database password (set CASTAD_DB_PASSWORD)");
        assertThatThrownBy(() -> new UnsafeDefaults(environment))
                .hasMessageContaining("Refusing to start outside the 'local' profile")
                .hasMessageNotContaining(UnsafeDefaults.AZURITE_ACCOUNT_KEY)
                .hasMessageNotContaining(UnsafeDefaults.DEVELOPMENT_CALLBACK_SECRET);
    }

    @Test
    void theLocalProfileAllowsTheDevelopmentDefaults() {
        var environment = developmentDefaults();
        environment.setActiveProfiles("local");

        assertThat(UnsafeDefaults.unsafe(environment)).isEmpty();
    }

    @Test
    void realSecretsStartAnywhereAndAServiceWithoutBlobNeedsNoBlobKey() {
        var environment = new MockEnvironment()
                .withProperty("castad.callbacks.secret", "a-long-random-production-secret")
                .withProperty("castad.blob.connection-string", AZURITE)
                .withProperty("spring.datasource.password", "s3cret");

        assertThat(UnsafeDefaults.unsafe(environment)).isEmpty();
        environment.setProperty("castad.blob.enabled", "true");
        assertThat(UnsafeDefaults.unsafe(environment)).hasSize(1);
    }

    private static MockEnvironment developmentDefaults() {
        return new MockEnvironment()
                .withProperty("castad.callbacks.secret", UnsafeDefaults.DEVELOPMENT_CALLBACK_SECRET)
                .withProperty("castad.blob.enabled", "true")
                .withProperty("castad.blob.connection-string", AZURITE)
                .withProperty("spring.datasource.password", "");
    }
}
