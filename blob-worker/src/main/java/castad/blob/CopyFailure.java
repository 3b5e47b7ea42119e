package castad.blob;

import java.time.Duration;
import java.util.Optional;

/**
 * A file that could not be copied. {@code errorCode} is what BlobFailed carries; only
 * {@value #SOURCE_UNAVAILABLE} is worth another fetch, and {@code retryAfter} is when the source asked us
 * to come back.
 */
class CopyFailure extends RuntimeException {

    static final String SOURCE_REFUSED = "BLOB_SOURCE_REFUSED";
    static final String SOURCE_GONE = "BLOB_SOURCE_GONE";
    static final String SOURCE_REJECTED = "BLOB_SOURCE_REJECTED";
    static final String TOO_LARGE = "BLOB_TOO_LARGE";
    static final String SOURCE_UNAVAILABLE = "BLOB_SOURCE_UNAVAILABLE";

    private final String errorCode;
    private final Duration retryAfter;

    private CopyFailure(String errorCode, String message, Duration retryAfter) {
        super(message);
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    static CopyFailure refused(String message) {
        return new CopyFailure(SOURCE_REFUSED, message, null);
    }

    static CopyFailure tooLarge(String message) {
        return new CopyFailure(TOO_LARGE, message, null);
    }

    static CopyFailure unavailable(String message) {
        return new CopyFailure(SOURCE_UNAVAILABLE, message, null);
    }

    static CopyFailure rejected(String message) {
        return new CopyFailure(SOURCE_REJECTED, message, null);
    }

    /** 404 and 410: the file is not there; 408, 429 and 5xx: try again; any other answer: never. */
    static CopyFailure forStatus(int status, String source, Duration retryAfter) {
        String message = source + " answered " + status;
        if (status == 404 || status == 410) {
            return new CopyFailure(SOURCE_GONE, message, null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new CopyFailure(SOURCE_UNAVAILABLE, message, retryAfter);
        }
        return rejected(message);
    }

    String errorCode() {
        return errorCode;
    }

    boolean retryable() {
        return SOURCE_UNAVAILABLE.equals(errorCode);
    }

    /** Whatever a failed upload under this name may have left must go. */
    boolean removesBlob() {
        return TOO_LARGE.equals(errorCode);
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
