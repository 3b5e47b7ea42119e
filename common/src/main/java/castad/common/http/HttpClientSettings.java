package castad.common.http;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts of one provider's HTTP client.
 *
 * @param connectTimeout TCP + TLS set-up
 * @param readTimeout    the whole response; OpenAI completions need a minute or more
 */
public record HttpClientSettings(
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("60s") @NotNull Duration readTimeout) {
}
