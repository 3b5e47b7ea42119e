package castad.lyric.openai;

import castad.common.http.HttpClientSettings;
import castad.common.http.ProviderAccess;
import castad.common.http.RetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKey       {@code OPENAI_API_KEY}; when it is empty, castad talks to its simulator
 * @param baseUrl      {@code OPENAI_BASE_URL}; empty means the real API with a key, the simulator without
 * @param simulatorUrl where the simulator listens (local runs and tests)
 */
@Validated
@ConfigurationProperties("castad.openai")
public record OpenAiSettings(
        String apiKey,
        String baseUrl,
        @DefaultValue("http://127.0.0.1:8090") @NotBlank String simulatorUrl,
        @DefaultValue("gpt-4o-mini") @NotBlank String model,
        @DefaultValue @Valid HttpClientSettings http,
        @DefaultValue @Valid RetrySettings retry) {

    static final String OPENAI_URL = "https://api.openai.com";

    public ProviderAccess access() {
        return ProviderAccess.resolve(apiKey, baseUrl, OPENAI_URL, simulatorUrl);
    }

    @Override
    public String toString() {
        return "OpenAiSettings[" + access() + ", model=" + model + ", http=" + http + ", retry=" + retry + "]";
    }
}
