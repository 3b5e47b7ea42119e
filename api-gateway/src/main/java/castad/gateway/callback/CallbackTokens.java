package castad.gateway.callback;

import castad.common.callback.CallbackSettings;
import castad.gateway.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a webhook's token before anything reads its body: the query string is parsed by hand, because
 * {@code getParameter} would read a form-encoded body. A token signs one provider and one stage row
 * ({@link CallbackSettings}), so a token of a song says nothing about a video or another song.
 */
class CallbackTokens extends OncePerRequestFilter {

    static final String PATH = "/api/v1/callbacks/";
    private static final Logger log = LoggerFactory.getLogger(CallbackTokens.class);

    private final CallbackSettings settings;
    private final ProblemWriter problems;

    CallbackTokens(CallbackSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String provider = request.getRequestURI().substring(request.getRequestURI().indexOf(PATH) + PATH.length());
        Map<String, String> query = query(request.getQueryString());
        Optional<Long> ref = ref(query.get("ref"));
        String token = query.getOrDefault("token", "");
        if (ref.isEmpty() || !settings.accepts(provider, ref.get(), token)) {
            log.warn("Refused a {} webhook with a wrong token or ref", provider.length() > 20 ? "?" : provider);
            problems.write(response, HttpStatus.UNAUTHORIZED, "Unknown callback token",
                    "The callback token does not match this webhook's provider and ref");
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<Long> ref(String value) {
        return value != null && value.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    /** The first value of each parameter; malformed escapes leave the parameter out (a refusal follows). */
    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    values.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException malformed) {
                    // not one of ours
                }
            }
        }
        return values;
    }
}
