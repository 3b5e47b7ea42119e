package castad.simulators.openai;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/** Answers 401 as OpenAI does when the Bearer key is missing, or differs from the configured one. */
class ApiKeyCheck implements HandlerInterceptor {

    private static final Pattern BEARER = Pattern.compile("^Bearer\\s+(\\S+)\\s*$");
    private static final OpenAiError MISSING = OpenAiError.of(
            "You didn't provide an API key. You need to provide your API key in an Authorization header using"
                    + " Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from"
                    + " https://platform.openai.com/account/api-keys.",
            "invalid_request_error", null, null);

    private final OpenAiSettings settings;
    private final ObjectMapper json;

    ApiKeyCheck(OpenAiSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        var key = bearerKey(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (key.isEmpty()) {
            return reject(response, MISSING);
        }
        if (!settings.acceptsAnyKey() && !settings.apiKey().equals(key.get())) {
            return reject(response, incorrect(key.get()));
        }
        return true;
    }

    private boolean reject(HttpServletResponse response, OpenAiError error) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("x-request-id", OpenAiIds.request());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
        return false;
    }

    private static Optional<String> bearerKey(String authorization) {
        return Optional.ofNullable(authorization).map(BEARER::matcher).filter(m -> m.matches()).map(m -> m.group(1));
    }

    private static OpenAiError incorrect(String key) {
        var masked = key.length() <= 8 ? "***" : key.substring(0, 3) + "***" + key.substring(key.length() - 4);
        var known = KnownError.INVALID_API_KEY;
        return OpenAiError.of("Incorrect API key provided: " + masked + ". You can find your API key at"
                + " https://platform.openai.com/account/api-keys.", known.type, null, known.code);
    }
}
