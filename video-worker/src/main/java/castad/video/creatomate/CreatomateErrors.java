package castad.video.creatomate;

import castad.common.http.ProviderFailure;
import java.time.Duration;

/** Bad requests, keys and missing credits are final; rate limits (30 requests / 10 s) and 5xx may pass. */
final class CreatomateErrors {

    private CreatomateErrors() {
    }

    static ProviderFailure of(int status, String hint, String retryAfter) {
        String detail = "Creatomate answered " + status + (hint == null ? "" : ": " + hint);
        ProviderFailure failure = switch (status) {
            case 401, 403 -> ProviderFailure.permanent("CREATOMATE_UNAUTHORIZED", detail);
            case 402 -> ProviderFailure.permanent("CREATOMATE_INSUFFICIENT_CREDITS", detail);
            case 404 -> ProviderFailure.permanent("CREATOMATE_NOT_FOUND", detail);
            case 429 -> ProviderFailure.transientFailure("CREATOMATE_RATE_LIMITED", detail, seconds(retryAfter));
            default -> status >= 500
                    ? ProviderFailure.transientFailure("CREATOMATE_UNAVAILABLE", detail, seconds(retryAfter))
                    : ProviderFailure.permanent("CREATOMATE_BAD_REQUEST", detail);
        };
        return failure.asRejection();
    }

    private static Duration seconds(String retryAfter) {
        try {
            return retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
