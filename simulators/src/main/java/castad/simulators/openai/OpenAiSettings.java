package castad.simulators.openai;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import castad.simulators.fault.ChaosSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param latency            delay before every answer (changeable at run time through /sim/openai/latency)
 * @param apiKey             when set, only this Bearer key is accepted; otherwise any non-blank key is
 * @param requestsPerMinute  the request limit reported in the x-ratelimit-*-requests headers
 * @param tokensPerMinute    the token limit reported in the x-ratelimit-*-tokens headers
 * @param enforceRateLimit   answer 429 rate_limit_exceeded once a minute's limits are used up
 * @param chaos              random faults of chat requests ({@code chaos.error-rate} and so on; all 0: off),
 *                           changeable at run time through /sim/openai/chaos
 */
@Validated
@ConfigurationProperties("castad.simulators.openai")
public record OpenAiSettings(
        @DefaultValue("0ms") Duration latency,
        String apiKey,
        @DefaultValue("10000") @Positive int requestsPerMinute,
        @DefaultValue("10000000") @Positive long tokensPerMinute,
        @DefaultValue("false") boolean enforceRateLimit,
        @DefaultValue @Valid ChaosSettings chaos) {

    public OpenAiSettings {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("castad.simulators.openai.latency must not be negative: " + latency);
        }
        chaos.checked("castad.simulators.openai.chaos");
    }

    boolean acceptsAnyKey() {
        return apiKey == null || apiKey.isBlank();
    }
}
