package castad.common.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize     rows claimed and sent per transaction
 * @param sweepInterval how often the relay looks for rows nobody woke it for (other instances' leftovers,
 *                      rows whose send failed)
 * @param sendTimeout   how long a batch may wait for Kafka's acknowledgements before it is retried
 * @param poolSize      connections of the relay's own pool
 */
@Validated
@ConfigurationProperties("castad.outbox")
public record OutboxSettings(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1s") @NotNull Duration sweepInterval,
        @DefaultValue("10s") @NotNull Duration sendTimeout,
        @DefaultValue("2") @Min(1) @Max(10) int poolSize) {
}
