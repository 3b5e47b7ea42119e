package castad.simulators.suno;

import java.time.Duration;

import jakarta.validation.Valid;

import castad.simulators.callback.CallbackDelivery;
import castad.simulators.fault.ChaosSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKey                when set, only this Bearer key is accepted; otherwise any non-blank key is
 * @param textAfter             when a task turns TEXT_SUCCESS (and the {@code text} callback is sent)
 * @param firstAfter            when it turns FIRST_SUCCESS ({@code first} callback)
 * @param completeAfter         when it turns SUCCESS ({@code complete} callback); all three counted from
 *                              the submission and changeable at run time through /sim/suno/timing
 * @param callbacks             how callbacks are delivered: normal, drop (never) or duplicate (twice)
 * @param httpStatusMirrorsCode request errors (400, 404, 413, 422) answer with the HTTP status equal to
 *                              the body {@code code}; false: HTTP 200 with the code in the body only
 *                              (which of the two sunoapi.org does is unverified)
 * @param retention             how long a task is kept (at least until it completes); after that
 *                              record-info answers 404, as for a task the provider has deleted
 * @param chaos                 random faults of generate and record-info requests ({@code chaos.error-rate}
 *                              and so on; all 0: off), changeable at run time through /sim/suno/chaos
 */
@Validated
@ConfigurationProperties("castad.simulators.suno")
public record SunoSettings(
        String apiKey,
        @DefaultValue("200ms") Duration textAfter,
        @DefaultValue("400ms") Duration firstAfter,
        @DefaultValue("600ms") Duration completeAfter,
        @DefaultValue("normal") CallbackDelivery callbacks,
        @DefaultValue("true") boolean httpStatusMirrorsCode,
        @DefaultValue("1h") Duration retention,
        @DefaultValue @Valid ChaosSettings chaos) {

    public SunoSettings {
        new SunoTiming(textAfter, firstAfter, completeAfter);
        chaos.checked("castad.simulators.suno.chaos");
    }

    SunoTiming timing() {
        return new SunoTiming(textAfter, firstAfter, completeAfter);
    }
}
