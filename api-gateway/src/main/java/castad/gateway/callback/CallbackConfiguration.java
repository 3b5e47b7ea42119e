package castad.gateway.callback;

import castad.common.callback.CallbackSettings;
import castad.gateway.web.ProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

    /** Before the security chain and every other filter that might touch the request. */
    @Bean
    FilterRegistrationBean<CallbackTokens> callbackTokens(CallbackSettings settings, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new CallbackTokens(settings, problems));
        registration.addUrlPatterns(CallbackTokens.PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
