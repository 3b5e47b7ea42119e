package castad.video.creatomate;

import castad.common.http.HttpClientSettings;
import castad.common.http.ProviderAccess;
import castad.common.http.RetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKey      {@code CREATOMATE_API_KEY}; without it castad uses its simulator
 * @param baseUrl     {@code CREATOMATE_BASE_URL}; empty means the real API with a key, the simulator without
 * @param templateTtl how long a fetched template is reused (a fetch costs 1-2 s)
 */
@Validated
@ConfigurationProperties("castad.creatomate")
public record CreatomateSettings(
        String apiKey,
        String baseUrl,
        @DefaultValue("http://127.0.0.1:8090") @NotBlank String simulatorUrl,
        @DefaultValue("5m") @NotNull Duration templateTtl,
        @DefaultValue @Valid HttpClientSettings http,
        @DefaultValue @Valid RetrySettings retry) {

    static final String CREATOMATE_URL = "https://api.creatomate.com";

    public ProviderAccess access() {
        return ProviderAccess.resolve(apiKey, baseUrl, CREATOMATE_URL, simulatorUrl);
    }

    @Override
    public String toString() {
        return "CreatomateSettings[" + access() + ", templateTtl=" + templateTtl + ", http=" + http + ", retry="
                + retry + "]";
    }
}
