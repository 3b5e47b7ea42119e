package castad.simulators.creatomate;

import com.fasterxml.jackson.databind.ObjectMapper;

import castad.simulators.auth.BearerKeyCheck;
import castad.simulators.fault.ProviderChaos;
import castad.simulators.stats.PaidSubmissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CreatomateConfiguration implements WebMvcConfigurer {

    private final CreatomateSettings settings;
    private final ObjectMapper json;

    CreatomateConfiguration(CreatomateSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Bean
    CreatomateFaults creatomateFaults(PaidSubmissions paid) {
        return new CreatomateFaults(settings, paid.ledger("creatomate").faults());
    }

    @Bean
    ProviderChaos creatomateChaos(CreatomateFaults faults) {
        return new ProviderChaos("creatomate", faults.chaos(), false);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var missing = new CreatomateHint("No API key provided. Provide it as 'Authorization: Bearer YOUR_API_KEY'.");
        var wrong = CreatomateHint.forStatus(401);
        registry.addInterceptor(new BearerKeyCheck(settings.apiKey(), missing, wrong, json))
                .addPathPatterns("/v1/renders/**", "/v1/templates/**", "/v2/renders/**", "/v2/templates/**");
    }
}
