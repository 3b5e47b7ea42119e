package castad.lyric.openai;

import castad.common.http.ProviderCallRefused;
import castad.common.http.PaidRequestMarks;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * OpenAI Chat Completions over one pooled HTTP client, through the provider's {@link ProviderGuard}:
 * transient failures are retried (backoff with jitter, honouring the provider's retry-after), the circuit
 * breaker, rate limiter and bulkhead bound the calls. What reaches the caller is usable lyrics, a final
 * {@link ProviderFailure}, or {@link ProviderCallRefused} when no call was made.
 */
public class OpenAiClient {

    private final RestClient http;
    private final OpenAiSettings settings;
    private final ProviderGuard guard;

    public OpenAiClient(OpenAiSettings settings, ProviderGuard guard) {
        this.http = settings.access().restClient(settings.http());
        this.settings = settings;
        this.guard = guard;
    }

    /**
     * A paid call, each attempt told to {@code marks}.
     *
     * @param reference our id of the attempt, sent as OpenAI's {@code user} field
     */
    public Lyrics complete(List<ChatMessage> messages, String reference, PaidRequestMarks marks) {
        var request = new ChatCompletion.Request(settings.model(), messages, reference);
        return lyricsFrom(guard.callPaid(() -> send(request), marks));
    }

    private ChatCompletion.Response send(ChatCompletion.Request request) {
        try {
            return http.post().uri("/v1/chat/completions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (req, response) -> {
                        throw OpenAiErrors.fromResponse(response.getStatusCode(), response.getHeaders(),
                                errorOf(response.getBody().readAllBytes()));
                    })
                    .body(ChatCompletion.Response.class);
        } catch (ResourceAccessException e) {
            throw ProviderFailure.transientFailure("OPENAI_UNREACHABLE", "OpenAI did not answer: " + e.getMessage(),
                    null);
        } catch (RestClientException e) {
            throw ProviderFailure.transientFailure("OPENAI_UNAVAILABLE", "OpenAI gave an unreadable answer: "
                    + e.getMessage(), null);
        }
    }

    private static Lyrics lyricsFrom(ChatCompletion.Response response) {
        if (response == null || response.choices() == null || response.choices().isEmpty()) {
            throw ProviderFailure.permanent("LYRICS_EMPTY", "OpenAI answered without a choice");
        }
        ChatCompletion.Choice choice = response.choices().get(0);
        if (!"stop".equals(choice.finishReason())) {
            throw OpenAiErrors.unusable(choice.finishReason());
        }
        String text = choice.message() == null ? null : choice.message().content();
        if (text == null || text.isBlank()) {
            throw ProviderFailure.permanent("LYRICS_EMPTY", "OpenAI answered with empty lyrics");
        }
        return new Lyrics(text.strip(), response.id());
    }

    private static ChatCompletion.Error errorOf(byte[] body) {
        try {
            return OpenAiJson.MAPPER.readValue(body, ChatCompletion.ErrorBody.class).error();
        } catch (Exception notJson) {
            return null;
        }
    }
}
