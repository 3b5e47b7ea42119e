package castad.lyric.openai;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenAiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenAiConfiguration.class);

    @Bean
    OpenAiClient openAiClient(OpenAiSettings settings, RetryRegistry registry) {
        log.info("Lyrics come from {}", settings);
        return new OpenAiClient(settings, registry.retry("openai", retryConfig(settings.retry())));
    }

    /**
     * Exponential backoff with jitter; a provider's retry-after wins when it says so. Only transient
     * failures are retried: a bad key or an exhausted quota fails the stage at once.
     */
    static RetryConfig retryConfig(OpenAiSettings.Retry retry) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(), 2.0, 0.5,
                retry.maxWait());
        IntervalBiFunction<Object> wait = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof OpenAiFailure failure
                    && failure.retryAfter().isPresent()) {
                return Math.min(failure.retryAfter().get().toMillis(), retry.maxWait().toMillis());
            }
            return backoff.apply(attempt);
        };
        return RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalBiFunction(wait)
                .retryOnException(e -> e instanceof OpenAiFailure failure && failure.retryable())
                .failAfterMaxAttempts(false)
                .build();
    }
}
