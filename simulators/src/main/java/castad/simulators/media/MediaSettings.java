package castad.simulators.media;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param padToBytes when positive, songs and rendered videos are served padded to this many bytes
 *                   (a request's {@code ?sizeBytes=} still wins); 0 serves the files as they are
 */
@Validated
@ConfigurationProperties("castad.simulators.media")
public record MediaSettings(@DefaultValue("0") @PositiveOrZero long padToBytes) {
}
