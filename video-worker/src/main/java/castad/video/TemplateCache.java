package castad.video;

import castad.video.creatomate.CreatomateClient;
import castad.video.creatomate.CreatomateSettings;
import castad.video.creatomate.Template;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

/**
 * Creatomate templates for a TTL (default 5 min): a fetch costs 1-2 s, a hit nothing. Concurrent misses for
 * one template wait for a single fetch; templates are immutable, so every render may share one.
 * Hit rate: {@code cache_gets_total{cache="creatomate-templates"}}.
 */
@Component
class TemplateCache {

    private final LoadingCache<String, Template> templates;

    TemplateCache(CreatomateClient creatomate, CreatomateSettings settings, MeterRegistry meters) {
        this.templates = Caffeine.newBuilder()
                .expireAfterWrite(settings.templateTtl())
                .maximumSize(100)
                .recordStats()
                .build(creatomate::template);
        CaffeineCacheMetrics.monitor(meters, templates, "creatomate-templates");
    }

    Template get(String templateId) {
        return templates.get(templateId);
    }
}
