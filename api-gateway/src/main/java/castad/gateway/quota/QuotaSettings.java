package castad.gateway.quota;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What one API key may use of a gateway instance (limits are per instance: N instances allow N times as much).
 *
 * @param startsPerPeriod  stages and pipelines one key may start per period ({@code CASTAD_START_RATE_LIMIT});
 *                         each costs money at the providers
 * @param startPeriod      the period those starts are counted over
 * @param streamsPerKey    event streams (SSE) one key may hold open at once ({@code CASTAD_STREAMS_PER_KEY})
 * @param maxJsonBody      the largest body of a JSON request; larger is a 413 before it is read
 * @param maxCallbackBody  the largest provider webhook
 */
@Validated
@ConfigurationProperties("castad.quotas")
public record QuotaSettings(
        @DefaultValue("60") @Min(1) int startsPerPeriod,
        @DefaultValue("1m") @NotNull Duration startPeriod,
        @DefaultValue("20") @Min(1) int streamsPerKey,
        @DefaultValue("64KB") @NotNull DataSize maxJsonBody,
        @DefaultValue("256KB") @NotNull DataSize maxCallbackBody) {
}
