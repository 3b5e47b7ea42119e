package castad.simulators.openai;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import castad.simulators.fault.AdjustableLatency;
import castad.simulators.fault.Chaos;
import castad.simulators.fault.OutcomeQueue;
import castad.simulators.fault.ProviderChaos;
import castad.simulators.stats.PaidSubmissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class OpenAiConfiguration implements WebMvcConfigurer {

    private final OpenAiSettings settings;
    private final ObjectMapper json;

    OpenAiConfiguration(OpenAiSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Bean
    OpenAiFaults openAiFaults(PaidSubmissions paid) {
        return new OpenAiFaults(new OutcomeQueue<>(), new AdjustableLatency(settings.latency()),
                new Chaos(settings.chaos(), paid.ledger("openai").faults()));
    }

    @Bean
    ProviderChaos openAiChaos(OpenAiFaults faults) {
        return new ProviderChaos("openai", faults.chaos(), false);
    }

    @Bean
    RequestWindow openAiRequestWindow(Clock clock) {
        return new RequestWindow(settings.requestsPerMinute(), settings.tokensPerMinute(), clock);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyCheck(settings, json)).addPathPatterns("/v1/chat/**");
    }
}
