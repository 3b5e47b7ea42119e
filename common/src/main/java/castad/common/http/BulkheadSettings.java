package castad.common.http;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxConcurrentCalls calls to the provider in flight at once from this instance
 * @param maxWait            how long a caller waits for a free slot before its call is refused
 */
public record BulkheadSettings(
        @DefaultValue("10") @Min(1) int maxConcurrentCalls,
        @DefaultValue("1s") @NotNull Duration maxWait) {

    public BulkheadConfig config() {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrentCalls)
                .maxWaitDuration(maxWait)
                .build();
    }
}
