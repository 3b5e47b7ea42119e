package castad.simulators.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

import castad.simulators.fault.ChaosSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param padToBytes when positive, songs and rendered videos are served padded to this many bytes
 *                   (a request's {@code ?sizeBytes=} still wins); 0 serves the files as they are
 * @param chaos      random faults of downloads: only {@code chaos.slow-rate} (with {@code slow-ms}) and
 *                   {@code chaos.drop-rate} (with {@code drop-after-accept}: cut off half-way); all 0: off;
 *                   changeable at run time through /sim/media/chaos
 */
@Validated
@ConfigurationProperties("castad.simulators.media")
public record MediaSettings(@DefaultValue("0") @PositiveOrZero long padToBytes, @DefaultValue @Valid ChaosSettings chaos) {

    public MediaSettings {
        chaos.checked("castad.simulators.media.chaos");
        if (!chaos.isSlowOrDropOnly()) {
            throw new IllegalArgumentException("castad.simulators.media.chaos takes only slow-rate and drop-rate:"
                    + " error-rate and rate-limit-rate must be 0");
        }
    }
}
