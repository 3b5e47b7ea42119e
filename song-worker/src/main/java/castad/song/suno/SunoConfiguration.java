package castad.song.suno;

import castad.common.http.ProviderRetries;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SunoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SunoConfiguration.class);

    @Bean
    SunoClient sunoClient(SunoSettings settings, RetryRegistry registry) {
        log.info("Songs come from {}", settings);
        return new SunoClient(settings, registry.retry("suno", ProviderRetries.config(settings.retry())));
    }
}
