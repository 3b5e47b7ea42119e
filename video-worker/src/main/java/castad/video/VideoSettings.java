package castad.video;

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
 * @param firstPoll    when the poller first asks Creatomate, if no webhook came
 * @param pollInterval between polls of one render
 * @param pollerTick   how often the poller looks for due renders and expired deadlines
 * @param pollBatch    renders claimed per tick
 * @param stalePending a video still {@code pending} this long after its last change is driven by the poller
 *                     (its command was handed back after a refused call, or dead-lettered)
 */
@Validated
@ConfigurationProperties("castad.video")
public record VideoSettings(
        @DefaultValue("1m") @NotNull Duration lease,
        @DefaultValue("10m") @NotNull Duration deadline,
        @DefaultValue("15s") @NotNull Duration firstPoll,
        @DefaultValue("15s") @NotNull Duration pollInterval,
        @DefaultValue("1s") @NotNull Duration pollerTick,
        @DefaultValue("20") @Min(1) int pollBatch,
        @DefaultValue("1m") @NotNull Duration stalePending) implements PollSettings {
}
