package castad.lyric.openai;

import castad.common.http.ProviderGuard;
import castad.common.http.ProviderGuards;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@Configuration(proxyBeanMethods = false)
@Import(ProviderGuards.class)
class OpenAiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenAiConfiguration.class);

    @Bean
    ProviderGuard openAiGuard(OpenAiSettings settings, ProviderGuards guards) {
        log.info("Lyrics come from {}", settings);
        return guards.guard("openai", settings);
    }

    /** The HTTP client's own threads: they read answers and hand them on, never wait for OpenAI. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService openAiHttpThreads() {
        var threads = new CustomizableThreadFactory("openai-http-");
        threads.setDaemon(true);
        return Executors.newFixedThreadPool(2, threads);
    }

    @Bean
    OpenAiClient openAiClient(OpenAiSettings settings, ProviderGuard openAiGuard, ExecutorService openAiHttpThreads) {
        return new OpenAiClient(settings, openAiGuard, openAiHttpThreads);
    }
}
