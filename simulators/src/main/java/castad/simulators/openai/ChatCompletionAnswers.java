package castad.simulators.openai;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import castad.simulators.fault.Fault;
import castad.simulators.openai.ChatCompletion.Choice;
import castad.simulators.openai.ChatCompletion.Message;
import castad.simulators.openai.ChatCompletion.Usage;
import castad.simulators.openai.lyrics.LyricWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds the HTTP answers of the chat endpoint: completions and errors, with OpenAI's headers. */
@Component
class ChatCompletionAnswers {

    private final LyricWriter lyrics;
    private final Clock clock;

    ChatCompletionAnswers(LyricWriter lyrics, Clock clock) {
        this.lyrics = lyrics;
        this.clock = clock;
    }

    ResponseEntity<Object> completion(ChatCompletionRequest request, String finishReason, RateLimitState rate) {
        var lyric = lyrics.write(request.texts());
        var content = "stop".equals(finishReason) ? lyric : cutShort(lyric);
        var choice = new Choice(0, new Message("assistant", content), finishReason);
        var body = new ChatCompletion(OpenAiIds.completion(), "chat.completion", clock.instant().getEpochSecond(),
                request.model(), List.of(choice), Usage.of(TokenCount.prompt(request), TokenCount.of(content)));
        return ResponseEntity.ok().headers(headers(rate)).body(body);
    }

    /** The model declined: finish_reason stop, no content, the refusal in its own field (billed all the same). */
    ResponseEntity<Object> refusal(ChatCompletionRequest request, RateLimitState rate) {
        var choice = new Choice(0, new Message("assistant", null, ScriptedOutcome.REFUSAL), "stop");
        var body = new ChatCompletion(OpenAiIds.completion(), "chat.completion", clock.instant().getEpochSecond(),
                request.model(), List.of(choice), Usage.of(TokenCount.prompt(request), TokenCount.of(ScriptedOutcome.REFUSAL)));
        return ResponseEntity.ok().headers(headers(rate)).body(body);
    }

    ResponseEntity<Object> failure(ScriptedOutcome outcome, RateLimitState rate) {
        return ResponseEntity.status(outcome.httpStatus())
                .headers(headers(rate)).headers(outcome.retryHeaders())
                .body(outcome.error());
    }

    ResponseEntity<Object> rateLimited(String model, RateLimitState rate) {
        return rateLimited(model, rate, Optional.of(rate.reset()));
    }

    /** 429 rate_limit_exceeded; {@code retry-after-ms} and {@code retry-after} only when a wait is given. */
    ResponseEntity<Object> rateLimited(String model, RateLimitState rate, Optional<Duration> retryAfter) {
        var known = KnownError.RATE_LIMIT_EXCEEDED;
        var wait = RateLimitState.goDuration(retryAfter.orElse(rate.reset()));
        var message = "Rate limit reached for " + model + " in organization org-castad-simulator on requests per min"
                + " (RPM): Limit " + rate.requestLimit() + ". Please try again in " + wait + ".";
        var retryHeaders = new HttpHeaders();
        retryAfter.ifPresent(after -> {
            retryHeaders.set("retry-after-ms", Long.toString(after.toMillis()));
            retryHeaders.set(HttpHeaders.RETRY_AFTER, Long.toString(Fault.seconds(after)));
        });
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(headers(rate)).headers(retryHeaders)
                .body(OpenAiError.of(message, known.type, null, known.code));
    }

    private static HttpHeaders headers(RateLimitState rate) {
        var headers = rate.headers();
        headers.set("x-request-id", OpenAiIds.request());
        return headers;
    }

    /** What a completion stopped early (length, content_filter) returns: the first half of the lines. */
    private static String cutShort(String lyric) {
        var lines = lyric.split("\n");
        return String.join("\n", Arrays.copyOf(lines, (lines.length + 1) / 2));
    }
}
