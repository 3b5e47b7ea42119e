package castad.simulators.auth;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Answers 401 with a provider's own error body when the Bearer key is missing, or differs from the
 * configured key (none configured: any non-blank key is accepted).
 */
public class BearerKeyCheck implements HandlerInterceptor {

    private static final Pattern BEARER = Pattern.compile("^Bearer\\s+(\\S+)\\s*$");

    private final String acceptedKey;
    private final Object missingKeyBody;
    private final Object wrongKeyBody;
    private final ObjectMapper json;

    public BearerKeyCheck(String acceptedKey, Object missingKeyBody, Object wrongKeyBody, ObjectMapper json) {
        this.acceptedKey = acceptedKey == null || acceptedKey.isBlank() ? null : acceptedKey;
        this.missingKeyBody = missingKeyBody;
        this.wrongKeyBody = wrongKeyBody;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        var key = bearerKey(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (key.isEmpty()) {
            return reject(response, missingKeyBody);
        }
        if (acceptedKey != null && !acceptedKey.equals(key.get())) {
            return reject(response, wrongKeyBody);
        }
        return true;
    }

    private boolean reject(HttpServletResponse response, Object body) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
        return false;
    }

    private static Optional<String> bearerKey(String authorization) {
        return Optional.ofNullable(authorization).map(BEARER::matcher).filter(m -> m.matches()).map(m -> m.group(1));
    }
}
