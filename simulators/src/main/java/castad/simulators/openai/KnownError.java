package castad.simulators.openai;

import java.util.Arrays;
import java.util.Optional;

/** The OpenAI error codes the simulator knows, with the status, type and message the real API sends. */
enum KnownError {

    INVALID_API_KEY(401, "invalid_api_key", "invalid_request_error",
            "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys."),
    UNSUPPORTED_REGION(403, "unsupported_country_region_territory", "request_forbidden",
            "Country, region, or territory not supported"),
    RATE_LIMIT_EXCEEDED(429, "rate_limit_exceeded", "requests",
            "Rate limit reached for requests. Please try again later."),
    INSUFFICIENT_QUOTA(429, "insufficient_quota", "insufficient_quota",
            "You exceeded your current quota, please check your plan and billing details. For more information"
                    + " on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors."),
    CREDIT_BALANCE_EXHAUSTED(429, "credit_balance_exhausted", "insufficient_quota",
            "Your credit balance is too low to access the API. Please go to Plans and Billing to purchase credits."),
    SERVER_IS_OVERLOADED(503, "server_is_overloaded", "server_error",
            "The server is overloaded, please try again later."),
    SLOW_DOWN(503, "slow_down", "server_error",
            "Please reduce your request rate.");

    final int status;
    final String code;
    final String type;
    final String message;

    KnownError(int status, String code, String type, String message) {
        this.status = status;
        this.code = code;
        this.type = type;
        this.message = message;
    }

    static Optional<KnownError> byCode(String code) {
        return Arrays.stream(values()).filter(known -> known.code.equals(code)).findFirst();
    }

    static String typeFor(int status) {
        if (status >= 500) {
            return "server_error";
        }
        return switch (status) {
            case 403 -> "request_forbidden";
            case 429 -> "requests";
            default -> "invalid_request_error";
        };
    }

    static String messageFor(int status) {
        return switch (status) {
            case 500 -> "The server had an error while processing your request. Sorry about that!";
            case 503 -> "The engine is currently overloaded, please try again later.";
            default -> "Simulated error (HTTP " + status + ").";
        };
    }
}
