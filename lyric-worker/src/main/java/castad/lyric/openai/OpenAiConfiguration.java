package castad.lyric.openai;

import castad.common.http.ProviderRetries;
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
        return new OpenAiClient(settings, registry.retry("openai", ProviderRetries.config(settings.retry())));
    }
}
