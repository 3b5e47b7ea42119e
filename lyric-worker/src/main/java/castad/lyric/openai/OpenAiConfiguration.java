package castad.lyric.openai;

import castad.common.http.ProviderGuard;
import castad.common.http.ProviderGuards;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@Configuration(proxyBeanMethods = false)
@Import(ProviderGuards.class)
class OpenAiConfiguration {

    /** Every call to OpenAI, bounded by {@code castad.openai.*} ({@link castad.common.http.ProviderSettings}). */
    @Bean
    ProviderGuard openAiGuard(Environment environment, ProviderGuards guards) {
        return guards.guard(environment, "openai", OpenAiSettings.PUBLISHED);
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
