package castad.gateway.quota;

import castad.gateway.security.Caller;
import castad.gateway.web.ProblemWriter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A rate limit per API key on what spends money: starting a lyric, song or video stage or a pipeline. Over
 * it, a 429 with {@code Retry-After} before anything is read or written. One limiter per configured key, so
 * the map is as small as the key list.
 */
class StartRateLimits implements HandlerInterceptor {

    private final RateLimiterConfig config;
    private final Map<String, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    StartRateLimits(QuotaSettings settings, ProblemWriter problems, MeterRegistry meters) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(settings.startsPerPeriod())
                .limitRefreshPeriod(settings.startPeriod())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!"POST".equals(request.getMethod()) || !(request.getUserPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof Caller caller)) {
            return true;
        }
        AtomicRateLimiter limiter = limiters.computeIfAbsent(caller.name(), name -> new AtomicRateLimiter(name, config));
        if (limiter.acquirePermission()) {
            return true;
        }
        meters.counter("castad.api.rate.limited", "key", caller.name()).increment();
        problems.tooManyRequests(response, Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait()),
                "This API key started " + config.getLimitForPeriod() + " stages or pipelines within "
                        + config.getLimitRefreshPeriod().toSeconds() + " s");
        return false;
    }

}
