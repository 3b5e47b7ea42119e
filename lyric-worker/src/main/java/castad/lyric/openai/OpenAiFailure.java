package castad.lyric.openai;

import java.time.Duration;
import java.util.Optional;

/**
 * A call that did not give usable lyrics. {@code errorCode} is what the stage records when it fails;
 * {@code retryable} says whether trying again can help, and {@code retryAfter} when the provider asked us
 * to wait.
 */
public class OpenAiFailure extends RuntimeException {

    private final String errorCode;
    private final boolean retryable;
    private final Duration retryAfter;

    OpenAiFailure(String errorCode, String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.errorCode = errorCode;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static OpenAiFailure permanent(String errorCode, String message) {
        return new OpenAiFailure(errorCode, message, false, null);
    }

    static OpenAiFailure transientFailure(String errorCode, String message, Duration retryAfter) {
        return new OpenAiFailure(errorCode, message, true, retryAfter);
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
