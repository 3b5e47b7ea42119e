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
 * @param sweepInterval   how often the relay looks for rows no relay sent (a process that died after its commit,
 *                        a send Kafka refused, a full hand-off queue)
 * @param sweepAfter      how old a row must be to be swept: longer than a handed-off row takes to be sent and
 *                        deleted, so that the sweep does not send it a second time
 * @param sendTimeout     how long a swept batch may wait for Kafka's acknowledgements before its claim is rolled
 *                        back (and the next sweep sends it again)
 * @param poolSize        connections of the relay's own pool
 * @param deleteEvery     how long sent rows may wait to be deleted together
 * @param handOffCapacity rows handed off by commits and not yet sent, at most; beyond, the sweep sends them
 * @param timelineHold    how long a row that only feeds the timeline's watchers may wait to go out with the next
 *                        row a worker acts on (one produce request instead of two); zero sends each at once
 * @param sendSpacing     how soon after its last send the relay sends again a row a worker acts on: a busy relay
 *                        gathers what its commits hand it meanwhile into one produce request; an idle one sends at
 *                        once
 */
@Validated
@ConfigurationProperties("castad.outbox")
public record OutboxSettings(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1s") @NotNull Duration sweepInterval,
        @DefaultValue("5s") @NotNull Duration sweepAfter,
        @DefaultValue("10s") @NotNull Duration sendTimeout,
        @DefaultValue("2") @Min(1) @Max(10) int poolSize,
        @DefaultValue("200ms") @NotNull Duration deleteEvery,
        @DefaultValue("10000") @Min(1) int handOffCapacity,
        @DefaultValue("50ms") @NotNull Duration timelineHold,
        @DefaultValue("10ms") @NotNull Duration sendSpacing) {
}
