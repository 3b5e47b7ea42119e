package castad.simulators.suno;

import com.fasterxml.jackson.databind.ObjectMapper;

import castad.simulators.auth.BearerKeyCheck;
import castad.simulators.fault.ProviderChaos;
import castad.simulators.stats.PaidSubmissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SunoConfiguration implements WebMvcConfigurer {

    private final SunoSettings settings;
    private final ObjectMapper json;

    SunoConfiguration(SunoSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Bean
    SunoFaults sunoFaults(PaidSubmissions paid) {
        return new SunoFaults(settings, paid.ledger("suno").faults());
    }

    @Bean
    ProviderChaos sunoChaos(SunoFaults faults) {
        return new ProviderChaos("suno", faults.chaos(), false);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var refused = SunoError.of(401);
        registry.addInterceptor(new BearerKeyCheck(settings.apiKey(), refused, refused, json))
                .addPathPatterns("/api/v1/**");
    }
}
