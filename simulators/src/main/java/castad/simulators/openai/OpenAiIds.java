package castad.simulators.openai;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like OpenAI's: {@code chatcmpl-} + 29 characters, {@code req_} + 32 hex digits. */
final class OpenAiIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private OpenAiIds() {
    }

    static String completion() {
        var random = ThreadLocalRandom.current();
        var id = new StringBuilder("chatcmpl-");
        for (int i = 0; i < 29; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    static String request() {
        return "req_" + UUID.randomUUID().toString().replace("-", "");
    }
}
