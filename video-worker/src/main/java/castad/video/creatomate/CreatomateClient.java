package castad.video.creatomate;

import castad.common.http.PaidRequestMarks;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Creatomate's renders and templates over one pooled client, through Creatomate's {@link ProviderGuard}:
 * retries of transient failures, circuit breaker, rate limiter (every call counts) and bulkhead.
 */
public class CreatomateClient {

    private final RestClient http;
    private final ProviderGuard guard;

    public CreatomateClient(CreatomateSettings settings, ProviderGuard guard, ObservationRegistry observations) {
        this.http = settings.access().restClient(settings.http(), observations);
        this.guard = guard;
    }

    /**
     * Starts a render (a paid call, each attempt told to {@code marks}); {@code metadata} is our video id.
     * Returns the render id.
     */
    public String render(String templateId, Map<String, String> modifications, String webhookUrl, String metadata,
                         PaidRequestMarks marks) {
        var request = new CreatomateWire.RenderRequest(templateId, modifications, "mp4", webhookUrl, metadata);
        CreatomateWire.Render[] renders = guard.callPaid(() -> exchange(http.post().uri("/v1/renders")
                .contentType(MediaType.APPLICATION_JSON).body(request), CreatomateWire.Render[].class), marks);
        if (renders == null || renders.length == 0 || renders[0].id() == null) {
            throw ProviderFailure.permanent("CREATOMATE_BAD_RESPONSE", "Creatomate accepted the render without an id");
        }
        return renders[0].id();
    }

    public RenderProgress progress(String renderId) {
        return RenderProgress.of(call(http.get().uri("/v1/renders/{id}", renderId), CreatomateWire.Render.class));
    }

    public Template template(String templateId) {
        CreatomateWire.TemplateBody body = call(http.get().uri("/v1/templates/{id}", templateId),
                CreatomateWire.TemplateBody.class);
        List<Template.Element> elements = body == null || body.source() == null || body.source().elements() == null
                ? List.of()
                : body.source().elements().stream().map(e -> new Template.Element(e.name(), e.type())).toList();
        return new Template(templateId, elements);
    }

    private <T> T call(RestClient.RequestHeadersSpec<?> request, Class<T> type) {
        return guard.call(() -> exchange(request, type));
    }

    private static <T> T exchange(RestClient.RequestHeadersSpec<?> request, Class<T> type) {
        try {
            return request.exchange((req, response) -> {
                byte[] body = response.getBody().readAllBytes();
                if (response.getStatusCode().isError()) {
                    throw CreatomateErrors.of(response.getStatusCode().value(), hint(body),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                }
                return CreatomateWire.JSON.readValue(body, type);
            });
        } catch (ResourceAccessException e) {
            throw ProviderFailure.transientFailure("CREATOMATE_UNREACHABLE", "Creatomate did not answer: "
                    + e.getMessage(), null);
        } catch (RestClientException e) {
            throw ProviderFailure.transientFailure("CREATOMATE_UNAVAILABLE", "Creatomate gave an unreadable answer: "
                    + e.getMessage(), null);
        }
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
