package castad.blob;

import castad.common.blob.BlobSettings;
import castad.common.blob.BlobStore;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BlobCopyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BlobCopyConfiguration.class);

    @Bean
    SourcePolicy sourcePolicy(BlobCopySettings settings) {
        log.info("Files are copied from {} ({}), up to {} bytes each; private addresses allowed: {}",
                settings.allowedHosts(), settings.allowHttp() ? "http and https" : "https only", settings.maxBytes(),
                settings.allowedAddresses().isEmpty() ? "none" : settings.allowedAddresses());
        return new SourcePolicy(settings);
    }

    @Bean
    IdleGuard idleGuard(BlobCopySettings settings) {
        return new IdleGuard(settings.readTimeout());
    }

    /**
     * One pooled client for every source (connections are kept alive and reused), resolving names through the
     * policy, so that each connection goes to an address that was checked. Redirects are followed by
     * {@link SourceFiles}, never by the client; retries are the copy's (resilience4j), not the client's.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient sourceHttpClient(BlobCopySettings settings, SourcePolicy policy) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedDns(policy))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .setMaxConnTotal(settings.concurrency() * 2)
                .setMaxConnPerRoute(settings.concurrency() * 2)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout())).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @Bean
    SourceFiles sourceFiles(CloseableHttpClient sourceHttpClient, SourcePolicy policy, IdleGuard idleGuard) {
        return new SourceFiles(sourceHttpClient, policy, idleGuard);
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
