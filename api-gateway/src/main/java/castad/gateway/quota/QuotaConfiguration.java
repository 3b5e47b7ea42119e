package castad.gateway.quota;

import castad.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class QuotaConfiguration implements WebMvcConfigurer {

    private final QuotaSettings settings;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    QuotaConfiguration(QuotaSettings settings, ProblemWriter problems, MeterRegistry meters) {
        this.settings = settings;
        this.problems = problems;
        this.meters = meters;
    }

    /** First of all filters: a body over its cap is refused before anything else looks at the request. */
    @Bean
    FilterRegistrationBean<BodyLimits> bodyLimits() {
        var registration = new FilterRegistrationBean<>(new BodyLimits(settings, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StartRateLimits(settings, problems, meters))
                .addPathPatterns("/api/v1/projects/*/lyrics", "/api/v1/projects/*/songs", "/api/v1/projects/*/videos",
                        "/api/v1/projects/*/pipeline");
    }
}
