package castad.gateway.image;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of photo uploads. The size of one file is also enforced while the request is read
 * ({@code spring.servlet.multipart.max-file-size}), so an oversized upload is refused with 413 before it is
 * stored anywhere.
 *
 * @param maxPerProject photos a project may have in all (the video template has that many slots at most)
 */
@Validated
@ConfigurationProperties("castad.images")
public record ImageSettings(@DefaultValue("20") @Min(1) @Max(100) int maxPerProject) {
}
