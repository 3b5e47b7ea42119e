package castad.common.http;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * At most {@code limitForPeriod} calls per {@code limitRefreshPeriod} from this instance. Unset, both are the
 * provider's published limit ({@link #orPublished}, which {@link ProviderSettings#of} applies before anything
 * uses them). A caller waits at most {@code timeout} for a permit;
 * after that the call is refused ({@link ProviderCallRefused}), never queued for long.
 */
public record RateLimiterSettings(
        @Min(1) Integer limitForPeriod,
        Duration limitRefreshPeriod,
        @DefaultValue("2s") @NotNull Duration timeout) {

    /** The provider's published limit where none is configured. */
    public RateLimiterSettings orPublished(int limit, Duration period) {
        return new RateLimiterSettings(limitForPeriod == null ? Integer.valueOf(limit) : limitForPeriod,
                limitRefreshPeriod == null ? period : limitRefreshPeriod, timeout);
    }

    public RateLimiterConfig config() {
        return RateLimiterConfig.custom()
                .limitForPeriod(limitForPeriod)
                .limitRefreshPeriod(limitRefreshPeriod)
                .timeoutDuration(timeout)
                .build();
    }
}
