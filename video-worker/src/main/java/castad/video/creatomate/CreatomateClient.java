package castad.video.creatomate;

import castad.common.http.PaidRequestMarks;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Creatomate's renders and templates over one pooled client, through Creatomate's {@link ProviderGuard}:
 * retries of transient failures, circuit breaker, rate limiter (every call counts) and bulkhead.
 */
@Component
public class CreatomateClient {

    static final String UNREADABLE_ACCEPTANCE = "CREATOMATE_UNREADABLE_ACCEPTANCE";

    private final RestClient http;
    private final ProviderGuard guard;
    private final String version;

    CreatomateClient(CreatomateSettings settings, ProviderGuard creatomateGuard, ObservationRegistry observations) {
        this.http = creatomateGuard.settings().restClient(observations);
        this.guard = creatomateGuard;
        this.version = "/" + settings.apiVersion();
    }

    /**
     * Starts a render (a paid call, each attempt told to {@code marks}); {@code metadata} is our video id.
     * Returns the render id.
     */
    public String render(String templateId, Map<String, String> modifications, String webhookUrl, String metadata,
                         PaidRequestMarks marks) {
        var request = new CreatomateWire.RenderRequest(templateId, modifications, "mp4", webhookUrl, metadata);
        return guard.callPaid(() -> exchange(http.post().uri(version + "/renders")
                .contentType(MediaType.APPLICATION_JSON).body(request), CreatomateClient::acceptedRenderId), marks);
    }

    /**
     * The id in a 2xx answer to a render request: v2's one render object or v1's array of them. Creatomate has
     * started (and charged for) the render by then, so an answer castad cannot read fails the attempt for good
     * instead of being taken for a transient failure and submitted again: each retry would be another paid render.
     */
    static String acceptedRenderId(byte[] body) {
        try {
            JsonNode answer = CreatomateWire.JSON.readTree(body);
            JsonNode render = answer != null && answer.isArray() ? answer.path(0) : answer;
            JsonNode id = render == null ? null : render.get("id");
            if (id != null && id.isTextual() && !id.asText().isBlank()) {
                return id.asText();
            }
        } catch (IOException notJson) {
            // below: the same answer as a readable body without an id
        }
        throw ProviderFailure.permanent(UNREADABLE_ACCEPTANCE, "Creatomate accepted the render but its answer had no"
                + " render id castad could read (" + excerpt(body) + "); it is not submitted again, so as not to pay"
                + " for it twice");
    }

    public RenderProgress progress(String renderId) {
        return RenderProgress.of(call(http.get().uri(version + "/renders/{id}", renderId), CreatomateWire.Render.class));
    }

    public Template template(String templateId) {
        return templateOf(templateId, call(http.get().uri(version + "/templates/{id}", templateId),
                CreatomateWire.TemplateBody.class));
    }

    /** The template's named elements, those nested in compositions included. */
    static Template templateOf(String templateId, CreatomateWire.TemplateBody body) {
        List<Template.Element> elements = body == null || body.source() == null || body.source().elements() == null
                ? List.of()
                : body.source().elements().stream().flatMap(CreatomateWire.SourceElement::withNested)
                        .map(e -> new Template.Element(e.name(), e.type())).toList();
        return new Template(templateId, elements);
    }

    private <T> T call(RestClient.RequestHeadersSpec<?> request, Class<T> type) {
        return guard.call(() -> exchange(request, body -> CreatomateWire.JSON.readValue(body, type)));
    }

    private static <T> T exchange(RestClient.RequestHeadersSpec<?> request, BodyReader<T> reader) {
        try {
            return request.exchange((req, response) -> {
                byte[] body = response.getBody().readAllBytes();
                if (response.getStatusCode().isError()) {
                    throw CreatomateErrors.of(response.getStatusCode().value(), hint(body),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                }
                return reader.read(body);
            });
        } catch (ResourceAccessException e) {
            throw ProviderFailure.transientFailure("CREATOMATE_UNREACHABLE", "Creatomate did not answer: "
                    + e.getMessage(), null);
        } catch (RestClientException e) {
            throw ProviderFailure.transientFailure("CREATOMATE_UNAVAILABLE", "Creatomate gave an unreadable answer: "
                    + e.getMessage(), null);
        }
    }

    private static String excerpt(byte[] body) {
        return body.length == 0 ? "an empty body" : new String(Arrays.copyOf(body, Math.min(body.length, 120)),
                StandardCharsets.UTF_8);
    }

    /** Reads a 2xx answer's body. */
    private interface BodyReader<T> {
        T read(byte[] body) throws IOException;
    }

    private static String hint(byte[] body) {
        try {
            CreatomateWire.ErrorBody error = CreatomateWire.JSON.readValue(body, CreatomateWire.ErrorBody.class);
            return error == null ? null : error.hint();
        } catch (IOException notJson) {
            return body.length == 0 ? null : new String(Arrays.copyOf(body, Math.min(body.length, 200)));
        }
    }
}
