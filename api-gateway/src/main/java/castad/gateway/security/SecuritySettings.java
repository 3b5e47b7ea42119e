package castad.gateway.security;

import jakarta.validation.constraints.NotNull;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKeys the accepted API keys ({@code CASTAD_API_KEYS}, comma-separated {@code name:sha256hex[:role]});
 *                several at once, so that one can be rotated while the next is already in use. None: every
 *                API call is refused (health, documentation and the page stay open)
 */
@Validated
@ConfigurationProperties("castad.security")
public record SecuritySettings(@DefaultValue({}) @NotNull List<ApiKey> apiKeys) {

    public SecuritySettings {
        var names = new HashSet<String>();
        var hashes = new HashSet<String>();
        for (ApiKey key : apiKeys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("Two API keys are named '" + key.name() + "'");
            }
            if (!hashes.add(key.sha256())) {
                throw new IllegalArgumentException("API key '" + key.name() + "' has the hash of another key");
            }
        }
        apiKeys = List.copyOf(apiKeys);
    }
}
