package castad.lyric;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lease        how long a claim stays ours; longer than the slowest OpenAI call with its retries, so
 *                     that only a crashed worker's claim ever expires
 * @param stalePending a lyric still {@code pending} this long after its last change is driven by the sweeper
 *                     (its command was handed back after a refused call, or dead-lettered)
 */
@Validated
@ConfigurationProperties("castad.lyric")
public record LyricSettings(
        @DefaultValue("10m") @NotNull Duration lease,
        @DefaultValue("1m") @NotNull Duration stalePending) {
}
