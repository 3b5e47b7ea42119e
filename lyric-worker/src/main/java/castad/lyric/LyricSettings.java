package castad.lyric;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lease        how long a claim stays ours unless renewed; the claimant renews it every
 *                     {@code castad.stage.lease-renewal} (10 s) while OpenAI answers, so only a dead
 *                     claimant's lease runs out, and another instance takes its lyric over this long after
 * @param deadline     a lyric not finished this long after its first claim fails with {@code STAGE_TIMEOUT}
 *                     (OpenAI failing transiently all along; time waiting on an open circuit does not count)
 * @param stalePending a lyric still {@code pending} this long after its last change is driven by the sweeper
 *                     (its command was handed back after a refused call, or dead-lettered)
 * @param shutdownGrace a clean stop waits this long for the OpenAI calls in flight to be answered and recorded
 */
@Validated
@ConfigurationProperties("castad.lyric")
public record LyricSettings(
        @DefaultValue("1m") @NotNull Duration lease,
        @DefaultValue("10m") @NotNull Duration deadline,
        @DefaultValue("1m") @NotNull Duration stalePending,
        @DefaultValue("10s") @NotNull Duration shutdownGrace) {
}
