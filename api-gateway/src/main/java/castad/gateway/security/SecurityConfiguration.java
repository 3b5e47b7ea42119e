package castad.gateway.security;

import castad.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every {@code /api/**} route needs an API key, except the provider webhooks, which carry a token of their
 * own ({@code callback} package). Health, the OpenAPI document, Swagger UI and the page stay open. No
 * sessions, no cookies, so no CSRF to defend against: a key is sent with every request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    ApiKeyFilter apiKeyFilter(SecuritySettings settings, ProblemWriter problems, MeterRegistry meters) {
        if (settings.apiKeys().isEmpty()) {
            log.warn("No API keys configured (CASTAD_API_KEYS): every API call will be refused");
        } else {
            log.info("Accepting API keys {}", settings.apiKeys().stream()
                    .map(key -> key.name() + (key.role() == ApiKey.Role.ADMIN ? " (admin)" : "")).toList());
        }
        return new ApiKeyFilter(new ApiKeys(settings.apiKeys()), problems, meters);
    }

    /** Only in the security chain: registered as a plain servlet filter too it would run twice. */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilterRegistration(ApiKeyFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyFilter apiKeys, ProblemWriter problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // the request dispatch was authorized; an SSE stream's async dispatch and error pages follow it
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/v1/callbacks/**").permitAll()
                        .requestMatchers("/api/**").hasRole("USER")
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "API key required",
                                "Send your API key in the " + ApiKeyFilter.HEADER + " header"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "Forbidden", "This API key may not do that")))
                .build();
    }

    /** No user accounts: without this bean Spring Boot would create one with a generated password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
