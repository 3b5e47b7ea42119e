package castad.song.suno;

import castad.common.http.PaidRequestMarks;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Suno's generate and record-info calls over one pooled client, through Suno's {@link ProviderGuard}: retries
 * of transient failures, circuit breaker, rate limiter (both calls count) and bulkhead.
 */
@Component
public class SunoClient {

    private final RestClient http;
    private final SunoSettings settings;
    private final ProviderGuard guard;

    SunoClient(SunoSettings settings, ProviderGuard sunoGuard, ObservationRegistry observations) {
        this.http = sunoGuard.settings().restClient(observations);
        this.settings = settings;
        this.guard = sunoGuard;
    }

    /** Submits the song (a paid call, each attempt told to {@code marks}) and returns Suno's task id. */
    public String generate(String lyrics, String style, String title, String callbackUrl, PaidRequestMarks marks) {
        String prompt = lyrics.length() <= settings.promptLimit() ? lyrics : lyrics.substring(0, settings.promptLimit());
        var request = new SunoWire.GenerateRequest(true, false, settings.model(), callbackUrl, prompt, style, title);
        SunoWire.Submitted submitted = guard.callPaid(() -> call(http.post().uri("/api/v1/generate")
                .contentType(MediaType.APPLICATION_JSON).body(request), new ParameterizedTypeReference<>() { }), marks);
        if (submitted == null || submitted.taskId() == null) {
            throw ProviderFailure.permanent("SUNO_BAD_RESPONSE", "Suno accepted the song without a task id");
        }
        return submitted.taskId();
    }

    public SunoProgress progress(String sunoTaskId) {
        SunoWire.RecordInfo info = guard.call(() -> call(http.get()
                .uri("/api/v1/generate/record-info?taskId={id}", sunoTaskId), new ParameterizedTypeReference<>() { }));
        return SunoReadings.of(info);
    }

    private <T> T call(RestClient.RequestHeadersSpec<?> request,
                       ParameterizedTypeReference<SunoWire.Envelope<T>> type) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                SunoWire.Envelope<T> body = read(response.getBody().readAllBytes(), type);
                if (body == null) {
                    throw status >= 400 ? SunoErrors.of(status, null) : ProviderFailure.transientFailure(
                            "SUNO_UNAVAILABLE", "Suno answered " + status + " without a readable body", null);
                }
                int code = body.code() == null ? status : body.code();
                if (code != 200 || status >= 400) {
                    throw SunoErrors.of(code != 200 ? code : status, body.msg());
                }
                return body.data();
            });
        } catch (ResourceAccessException e) {
            throw ProviderFailure.transientFailure("SUNO_UNREACHABLE", "Suno did not answer: " + e.getMessage(), null);
        } catch (RestClientException e) {
            throw ProviderFailure.transientFailure("SUNO_UNAVAILABLE", "Suno gave an unreadable answer: "
                    + e.getMessage(), null);
        }
    }

    private static <T> T read(byte[] body, ParameterizedTypeReference<T> type) {
        try {
            return body.length == 0 ? null
                    : SunoReadings.JSON.readValue(body, SunoReadings.JSON.constructType(type.getType()));
        } catch (IOException notJson) {
            return null;
        }
    }
}
