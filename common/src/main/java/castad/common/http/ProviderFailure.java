package castad.common.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.client.ResourceAccessException;

/**
 * A provider call that did not give a usable answer. {@code errorCode} is what the stage records when it
 * fails; {@code retryable} says whether trying again can help, {@code retryAfter} when the provider asked
 * us to wait.
 */
public class ProviderFailure extends RuntimeException {

    private final String errorCode;
    private final boolean retryable;
    private final Duration retryAfter;
    private final boolean rejection;

    protected ProviderFailure(String errorCode, String message, boolean retryable, Duration retryAfter) {
        this(errorCode, message, retryable, retryAfter, false);
    }

    private ProviderFailure(String errorCode, String message, boolean retryable, Duration retryAfter,
                            boolean rejection) {
        super(message);
        this.errorCode = errorCode;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.rejection = rejection;
    }

    public static ProviderFailure permanent(String errorCode, String message) {
        return new ProviderFailure(errorCode, message, false, null);
    }

    public static ProviderFailure transientFailure(String errorCode, String message, Duration retryAfter) {
        return new ProviderFailure(errorCode, message, true, retryAfter);
    }

    /**
     * Whether a call's failure says the provider is unwell: a transient failure (5xx, rate limit, no answer)
     * or an I/O error. A final failure (bad key, no credits, content policy) is the provider answering
     * properly and says nothing against its health.
     */
    public static boolean signalsUnhealth(Throwable failure) {
        return failure instanceof ProviderFailure provider ? provider.retryable()
                : failure instanceof IOException || failure instanceof UncheckedIOException
                        || failure instanceof ResourceAccessException;
    }

    /**
     * The same failure, known to be the provider's answer to the request with an error status: the provider
     * did not take the request, so nothing was paid. Failures without an answer (no connection, a timeout,
     * an unreadable answer) may have been taken and are not rejections.
     */
    public ProviderFailure asRejection() {
        return new ProviderFailure(errorCode, getMessage(), retryable, retryAfter, true);
    }

    public boolean rejection() {
        return rejection;
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
