package castad.simulators.suno;

import java.util.Map;

/** Suno's error body, {@code {"code":429,"msg":"..."}}, with the documented meaning of each code. */
record SunoError(int code, String msg) {

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(400, "Invalid parameters."),
            Map.entry(401, "You do not have access permissions."),
            Map.entry(404, "Task not found."),
            Map.entry(405, "Rate limit exceeded: at most 20 requests per 10 seconds."),
            Map.entry(413, "Theme or prompt too long."),
            Map.entry(422, "callBackUrl is required"),
            Map.entry(429, "The current credits are insufficient. Please top up."),
            Map.entry(430, "Your call frequency is too high. Please try again later."),
            Map.entry(455, "The system is currently undergoing maintenance. Please try again later."),
            Map.entry(500, "Server exception, please try again later."));

    static SunoError of(int code) {
        return new SunoError(code, MESSAGES.getOrDefault(code, "Simulated error (code " + code + ")."));
    }
}
