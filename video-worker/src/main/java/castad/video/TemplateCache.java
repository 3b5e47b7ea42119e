package castad.video;

import castad.video.creatomate.CreatomateClient;
import castad.video.creatomate.CreatomateSettings;
import castad.video.creatomate.Template;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Creatomate templates for a TTL (default 5 min): a fetch costs 1-2 s, a hit nothing. Concurrent misses for
 * one template wait for a single fetch; templates are immutable, so every render may share one.
 * Hit rate: {@code cache_gets_total{cache="creatomate-templates"}}.
 */
@Component
class TemplateCache {

    private final LoadingCache<String, Template> templates;

    @Autowired
    TemplateCache(CreatomateClient creatomate, CreatomateSettings settings, MeterRegistry meters) {
        this(creatomate::template, settings.templateTtl(), Ticker.systemTicker(), meters);
    }

    TemplateCache(Function<String, Template> fetch, Duration ttl, Ticker ticker, MeterRegistry meters) {
        this.templates = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .maximumSize(100)
                .recordStats()
                .build(fetch::apply);
        CaffeineCacheMetrics.monitor(meters, templates, "creatomate-templates");
    }

    Template get(String templateId) {
        return templates.get(templateId);
    }
}
