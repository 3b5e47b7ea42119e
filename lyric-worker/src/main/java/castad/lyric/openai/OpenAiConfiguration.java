package castad.lyric.openai;

import castad.common.http.ProviderGuard;
import castad.common.http.ProviderGuards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(ProviderGuards.class)
class OpenAiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenAiConfiguration.class);

    @Bean
    ProviderGuard openAiGuard(OpenAiSettings settings, ProviderGuards guards) {
        log.info("Lyrics come from {}", settings);
        return guards.guard("openai", settings);
    }

    @Bean
    OpenAiClient openAiClient(OpenAiSettings settings, ProviderGuard openAiGuard) {
        return new OpenAiClient(settings, openAiGuard);
    }
}
