package castad.lyric.openai;

import castad.common.http.HttpClientSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
        @DefaultValue @Valid Retry retry) {

    static final String OPENAI_URL = "https://api.openai.com";
    private static final String SIMULATOR_KEY = "simulator";

    String effectiveBaseUrl() {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl;
        }
        return hasApiKey() ? OPENAI_URL : simulatorUrl;
    }

    String effectiveApiKey() {
        return hasApiKey() ? apiKey : SIMULATOR_KEY;
    }

    private boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "OpenAiSettings[apiKey=" + (hasApiKey() ? "<set>" : "<none>") + ", baseUrl=" + effectiveBaseUrl()
                + ", model=" + model + ", http=" + http + ", retry=" + retry + "]";
    }

    /**
     * @param maxAttempts    calls in all, the first included
     * @param initialBackoff first wait; doubles with each attempt, randomised by half either way
     * @param maxWait        the longest wait, also for a provider's {@code retry-after}
     */
    public record Retry(
            @DefaultValue("4") @Min(1) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("20s") @NotNull Duration maxWait) {
    }
}
