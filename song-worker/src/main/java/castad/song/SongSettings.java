package castad.song;

import castad.common.stage.PollSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lease        how long a claim before submission stays ours unless renewed; the claimant renews it
 *                     every {@code castad.stage.lease-renewal} (10 s) until the provider's id is stored, so
 *                     only a dead claimant's lease runs out
 * @param deadline     an attempt still unfinished this long after it was claimed fails with STAGE_TIMEOUT
 * @param firstPoll    when the poller first asks Suno, if no callback came (Suno needs minutes)
 * @param pollInterval between polls of one attempt (Suno allows ~3 queries/s per task; 30 s is plenty)
 * @param pollerTick   how often the poller looks for due attempts and expired deadlines
 * @param pollBatch    attempts claimed per tick
 * @param stalePending a song still {@code pending} this long after its last change is driven by the poller
 *                     (its command was handed back after a refused call, or dead-lettered)
 */
@Validated
@ConfigurationProperties("castad.song")
public record SongSettings(
        @DefaultValue("1m") @NotNull Duration lease,
        @DefaultValue("10m") @NotNull Duration deadline,
        @DefaultValue("30s") @NotNull Duration firstPoll,
        @DefaultValue("30s") @NotNull Duration pollInterval,
        @DefaultValue("1s") @NotNull Duration pollerTick,
        @DefaultValue("20") @Min(1) int pollBatch,
        @DefaultValue("1m") @NotNull Duration stalePending) implements PollSettings {
}
