package castad.song.suno;

import castad.common.http.ProviderFailure;

/**
 * Suno's codes (in the body, and maybe mirrored by the HTTP status: both are read). Bad parameters, a bad
 * key and exhausted credits are final; rate limits, maintenance and server errors may pass.
 */
final class SunoErrors {

    private SunoErrors() {
    }

    static ProviderFailure of(int code, String message) {
        String detail = "Suno answered " + code + (message == null ? "" : ": " + message);
        ProviderFailure failure = switch (code) {
            case 400, 422 -> ProviderFailure.permanent("SUNO_BAD_REQUEST", detail);
            case 401, 403 -> ProviderFailure.permanent("SUNO_UNAUTHORIZED", detail);
            case 413 -> ProviderFailure.permanent("SUNO_PROMPT_TOO_LONG", detail);
            case 429 -> ProviderFailure.permanent("SUNO_INSUFFICIENT_CREDITS", detail);
            case 405, 430 -> ProviderFailure.transientFailure("SUNO_RATE_LIMITED", detail, null);
            case 455 -> ProviderFailure.transientFailure("SUNO_MAINTENANCE", detail, null);
            default -> code >= 500
                    ? ProviderFailure.transientFailure("SUNO_UNAVAILABLE", detail, null)
                    : ProviderFailure.permanent("SUNO_REJECTED", detail);
        };
        return failure.asRejection();
    }
}
