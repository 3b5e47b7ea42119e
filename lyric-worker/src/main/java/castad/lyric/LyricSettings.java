package castad.lyric;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lease how long a claim stays ours; longer than the slowest OpenAI call with its retries, so that
 *              only a crashed worker's claim ever expires
 */
@Validated
@ConfigurationProperties("castad.lyric")
public record LyricSettings(@DefaultValue("10m") @NotNull Duration lease) {
}
