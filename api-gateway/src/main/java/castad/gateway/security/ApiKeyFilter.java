package castad.gateway.security;

import castad.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-API-Key}: a known key makes its {@link Caller} the request's principal (name in the log lines of
 * the request and in {@code castad.api.requests{key}}); an unknown one is a 403 at once. A request without
 * a key goes on anonymous: open paths serve it, the others answer 401 ({@link SecurityConfiguration}).
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    ApiKeyFilter(ApiKeys keys, ProblemWriter problems, MeterRegistry meters) {
        this.keys = keys;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = keys.match(presented.strip());
        if (key.isEmpty()) {
            meters.counter("castad.api.refused", "reason", "unknown-key").increment();
            log.warn("Refused {} {}: unknown API key", request.getMethod(), request.getRequestURI());
            problems.write(response, HttpStatus.FORBIDDEN, "Unknown API key",
                    "The " + HEADER + " header does not carry a valid key");
            return;
        }
        Caller caller = key.get().caller();
        meters.counter("castad.api.requests", "key", caller.name()).increment();
        SecurityContextHolder.getContext().setAuthentication(authentication(caller));
        MDC.put("apiKey", caller.name());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("apiKey");
        }
    }

    private static UsernamePasswordAuthenticationToken authentication(Caller caller) {
        var authorities = caller.admin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
    }
}
