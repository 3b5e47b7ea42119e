package castad.lyric.openai;

import castad.common.http.ProviderSettings;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What only OpenAI has; where castad reaches it and what bounds the calls ({@code castad.openai.api-key}, the
 * {@code OPENAI_API_KEY}, {@code base-url}, {@code OPENAI_BASE_URL}, {@code retry.*}...) are
 * {@link ProviderSettings}.
 *
 * @param model the chat model that writes the lyrics
 */
@Validated
@ConfigurationProperties("castad.openai")
public record OpenAiSettings(@DefaultValue("gpt-4o-mini") @NotBlank String model) {

    /**
     * OpenAI's API, and 500 requests per minute per instance where none is configured: set
     * {@code castad.openai.rate-limiter.*} to the account's tier ({@code x-ratelimit-limit-requests}) divided by the
     * number of instances.
     */
    static final ProviderSettings.Published PUBLISHED =
            new ProviderSettings.Published("https://api.openai.com", 500, Duration.ofMinutes(1));
}
