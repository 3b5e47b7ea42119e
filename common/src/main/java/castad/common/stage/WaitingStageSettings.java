package castad.common.stage;

import castad.common.config.ConfiguredRecords;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * How a waiting stage claims, waits for and polls its provider: {@code castad.song.*} in song-worker,
 * {@code castad.video.*} in video-worker. One record for both, bound under each worker's prefix by
 * {@link #of} ({@link ConfiguredRecords}).
 *
 * @param lease        how long a claim before submission stays ours unless renewed; the claimant renews it
 *                     every {@code castad.stage.lease-renewal} (10 s) until the provider's id is stored, so
 *                     only a dead claimant's lease runs out
 * @param deadline     an attempt still unfinished this long after it was claimed fails with STAGE_TIMEOUT
 * @param firstPoll    when the poller first asks the provider, if no callback came (video-worker.yml: 15 s, as a
 *                     render takes less than a song)
 * @param pollInterval between polls of one attempt (Suno allows ~3 queries/s per task; 30 s is plenty)
 * @param pollerTick   how often the poller looks for due attempts and expired deadlines
 * @param pollBatch    attempts claimed (or driven, or failed) per tick and per kind
 * @param stalePending an attempt still {@code pending} this long after its last change is driven by the poller
 *                     (its command was handed back after a refused call, or dead-lettered)
 */
public record WaitingStageSettings(
        @DefaultValue("1m") @NotNull Duration lease,
        @DefaultValue("10m") @NotNull Duration deadline,
        @DefaultValue("30s") @NotNull Duration firstPoll,
        @DefaultValue("30s") @NotNull Duration pollInterval,
        @DefaultValue("1s") @NotNull Duration pollerTick,
        @DefaultValue("20") @Min(1) int pollBatch,
        @DefaultValue("1m") @NotNull Duration stalePending) {

    /** The settings under {@code prefix}, each missing one at its default; an invalid one fails the start. */
    public static WaitingStageSettings of(Environment environment, String prefix) {
        return ConfiguredRecords.bind(environment, prefix, WaitingStageSettings.class);
    }
}
