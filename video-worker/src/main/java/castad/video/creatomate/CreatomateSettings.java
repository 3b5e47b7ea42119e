package castad.video.creatomate;

import castad.common.http.ProviderSettings;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What only Creatomate has; where castad reaches it and what bounds the calls ({@code castad.creatomate.api-key},
 * the {@code CREATOMATE_API_KEY}, {@code base-url}, {@code CREATOMATE_BASE_URL}, {@code retry.*}...) are
 * {@link ProviderSettings}.
 *
 * @param apiVersion  the version of Creatomate's API castad calls: {@code v2} (its current reference: a render is
 *                    created with {@code POST /v2/renders}, which answers one render object) or {@code v1} (answers
 *                    an array of renders); castad reads either answer from either version
 * @param templateTtl how long a fetched template is reused (a fetch costs 1-2 s)
 */
@Validated
@ConfigurationProperties("castad.creatomate")
public record CreatomateSettings(
        @DefaultValue("v2") @Pattern(regexp = "v1|v2", message = "must be v1 or v2") String apiVersion,
        @DefaultValue("5m") @NotNull Duration templateTtl) {

    /** Creatomate's API, and its published 30 requests per 10 s per account (renders, polls and templates). */
    public static final ProviderSettings.Published PUBLISHED =
            new ProviderSettings.Published("https://api.creatomate.com", 30, Duration.ofSeconds(10));
}
