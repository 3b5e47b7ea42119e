package castad.simulators.creatomate;

import java.util.Map;

/** Creatomate's error body, {@code {"hint":"..."}}, with a plausible hint for each status. */
record CreatomateHint(String hint) {

    private static final Map<Integer, String> HINTS = Map.of(
            400, "The request is invalid.",
            401, "Invalid API key. Provide it as 'Authorization: Bearer YOUR_API_KEY'.",
            402, "Insufficient credits. Please upgrade your plan or purchase more credits.",
            404, "Not found.",
            429, "Too many requests. The limit is 30 requests per 10 seconds.",
            500, "An internal server error occurred. Please try again later.",
            503, "The service is temporarily unavailable. Please try again later.");

    static CreatomateHint forStatus(int status) {
        return new CreatomateHint(HINTS.getOrDefault(status, "Simulated error (HTTP " + status + ")."));
    }
}
