package castad.lyric.openai;

import castad.common.http.HttpClientSettings;
import castad.common.http.PaidRequestMarks;
import castad.common.http.ProviderCallRefused;
import castad.common.http.ProviderFailure;
import castad.common.http.ProviderGuard;
import castad.common.http.ProviderSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * OpenAI Chat Completions over one pooled, asynchronous HTTP client, through the provider's
 * {@link ProviderGuard}: a completion takes seconds to a minute, and no thread waits for it (thousands can be
 * in flight on a handful of threads). Transient failures are retried (backoff with jitter, honouring the
 * provider's retry-after), the circuit breaker, rate limiter and bulkhead bound the calls. The returned stage
 * gives usable lyrics, a final {@link ProviderFailure}, or {@link ProviderCallRefused} when no call was made.
 */
public class OpenAiClient {

    private final HttpClient http;
    private final URI completions;
    private final String authorization;
    private final OpenAiSettings settings;
    private final Duration readTimeout;
    private final ProviderGuard guard;

    /** @param io runs the client's own work (reading answers, completing stages); it never blocks */
    public OpenAiClient(OpenAiSettings settings, ProviderGuard guard, Executor io) {
        ProviderSettings openAi = guard.settings();
        HttpClientSettings timeouts = openAi.http();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connectTimeout())
                .executor(io)
                .build();
        this.completions = URI.create(openAi.access().baseUrl().replaceAll("/+$", "") + "/v1/chat/completions");
        this.authorization = "Bearer " + openAi.access().apiKey();
        this.readTimeout = timeouts.readTimeout();
        this.settings = settings;
        this.guard = guard;
    }

    /**
     * A paid call, each attempt told to {@code marks}; returns at once.
     *
     * @param reference our id of the attempt, sent as OpenAI's {@code user} field
     */
    public CompletionStage<Lyrics> complete(List<ChatMessage> messages, String reference, PaidRequestMarks marks) {
        byte[] body = json(new ChatCompletion.Request(settings.model(), messages, reference));
        return guard.callPaidAsync(() -> send(body), marks).thenApply(OpenAiClient::lyricsFrom);
    }

    private CompletionStage<ChatCompletion.Response> send(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(completions)
                .timeout(readTimeout)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        var answer = new CompletableFuture<ChatCompletion.Response>();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            try {
                answer.complete(read(response, failure));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private static ChatCompletion.Response read(HttpResponse<byte[]> response, Throwable failure) {
        if (failure != null) {
            throw ProviderFailure.transientFailure("OPENAI_UNREACHABLE",
                    "OpenAI did not answer: " + ProviderGuard.unwrapped(failure), null);
        }
        HttpStatusCode status = HttpStatusCode.valueOf(response.statusCode());
        if (status.isError()) {
            throw OpenAiErrors.fromResponse(status, headersOf(response), errorOf(response.body()));
        }
        try {
            return OpenAiJson.MAPPER.readValue(response.body(), ChatCompletion.Response.class);
        } catch (IOException e) {
            // OpenAI answered 2xx, so it charged for the tokens: asking again would pay twice
            throw ProviderFailure.permanent("OPENAI_UNREADABLE_ANSWER", "OpenAI answered " + status.value()
                    + " with a body castad could not read: " + e.getMessage());
        }
    }

    private static HttpHeaders headersOf(HttpResponse<?> response) {
        var headers = new HttpHeaders();
        response.headers().map().forEach(headers::addAll);
        return headers;
    }

    private static Lyrics lyricsFrom(ChatCompletion.Response response) {
        if (response == null || response.choices() == null || response.choices().isEmpty()) {
            throw ProviderFailure.permanent("LYRICS_EMPTY", "OpenAI answered without a choice");
        }
        ChatCompletion.Choice choice = response.choices().get(0);
        String refusal = choice.message() == null ? null : choice.message().refusal();
        if (refusal != null && !refusal.isBlank()) {
            throw ProviderFailure.permanent("LYRICS_REFUSED", "OpenAI declined to write the lyrics: " + refusal);
        }
        if (!"stop".equals(choice.finishReason())) {
            throw OpenAiErrors.unusable(choice.finishReason());
        }
        String text = choice.message() == null ? null : choice.message().content();
        if (text == null || text.isBlank()) {
            throw ProviderFailure.permanent("LYRICS_REFUSED", "OpenAI finished with no lyrics (an empty answer)");
        }
        return new Lyrics(text.strip(), response.id());
    }

    private static byte[] json(ChatCompletion.Request request) {
        try {
            return OpenAiJson.MAPPER.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("A chat request could not be written as JSON", e);
        }
    }

    private static ChatCompletion.Error errorOf(byte[] body) {
        try {
            return OpenAiJson.MAPPER.readValue(body, ChatCompletion.ErrorBody.class).error();
        } catch (Exception notJson) {
            return null;
        }
    }
}
