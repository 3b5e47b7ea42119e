package castad.common.http;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxAttempts    calls in all, the first included
 * @param initialBackoff first wait; doubles with each attempt, randomised by half either way
 * @param maxWait        the longest wait, also for a provider's {@code retry-after}
 */
public record RetrySettings(
        @DefaultValue("4") @Min(1) int maxAttempts,
        @DefaultValue("500ms") @NotNull Duration initialBackoff,
        @DefaultValue("20s") @NotNull Duration maxWait) {
}
