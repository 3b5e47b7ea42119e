package castad.blob;

import castad.common.blob.BlobSettings;
import castad.common.blob.BlobStore;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BlobCopyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BlobCopyConfiguration.class);

    @Bean
    SourcePolicy sourcePolicy(BlobCopySettings settings) {
        log.info("Files are copied from {}, up to {} bytes each", settings.allowedHosts(), settings.maxBytes());
        return new SourcePolicy(settings.allowedHosts());
    }

    @Bean
    IdleGuard idleGuard(BlobCopySettings settings) {
        return new IdleGuard(settings.readTimeout());
    }

    /**
     * One pooled client for every source (connections are kept alive and reused). HTTP/1.1 because the
     * simulators serve plain HTTP without h2c; redirects are followed by {@link SourceFiles}, never by the client.
     */
    @Bean
    SourceFiles sourceFiles(BlobCopySettings settings, SourcePolicy policy, IdleGuard idleGuard) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new SourceFiles(http, policy, idleGuard, settings.readTimeout());
    }

    @Bean
    StreamingCopy streamingCopy(SourcePolicy policy, SourceFiles sources, BlobStore blobs, BlobSettings blob,
                                BlobCopySettings settings, RetryRegistry registry) {
        return new StreamingCopy(policy, sources, blobs, blob.mediaContainer(), settings.maxBytes(),
                registry.retry("blob-source", retryConfig(settings.retry())));
    }

    /**
     * Exponential backoff with jitter; a source's Retry-After wins, up to the longest wait. Only a source
     * that may recover is fetched again: a refused, gone, rejected or too large file fails at once.
     */
    static RetryConfig retryConfig(BlobCopySettings.Retry retry) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(), 2.0, 0.5,
                retry.maxBackoff());
        IntervalBiFunction<Object> wait = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof CopyFailure failure
                    && failure.retryAfter().isPresent()) {
                return Math.min(failure.retryAfter().get().toMillis(), retry.maxBackoff().toMillis());
            }
            return backoff.apply(attempt);
        };
        return RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalBiFunction(wait)
                .retryOnException(e -> e instanceof CopyFailure failure && failure.retryable())
                .failAfterMaxAttempts(false)
                .build();
    }
}
