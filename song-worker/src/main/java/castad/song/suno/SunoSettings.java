package castad.song.suno;

import castad.common.http.ProviderSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What only Suno has; where castad reaches it and what bounds the calls ({@code castad.suno.api-key}, the
 * {@code SUNO_API_KEY}, {@code base-url}, {@code SUNO_BASE_URL}, {@code retry.*}...) are {@link ProviderSettings}.
 *
 * @param model       the model the songs are made with
 * @param promptLimit the model's lyrics limit (V4: 3000, V4_5 and later: 5000 characters)
 */
@Validated
@ConfigurationProperties("castad.suno")
public record SunoSettings(
        @DefaultValue("V4_5ALL") @NotBlank String model,
        @DefaultValue("5000") @Min(1) @Max(5000) int promptLimit) {

    /** Suno's API, and its published 20 requests per 10 s (generate and record-info together). */
    static final ProviderSettings.Published PUBLISHED =
            new ProviderSettings.Published("https://api.sunoapi.org", 20, Duration.ofSeconds(10));
}
