package castad.simulators.openai;

/** A rough token estimate: four ASCII characters or one other character make a token. */
final class TokenCount {

    private static final int PER_MESSAGE = 4;
    private static final int PER_REQUEST = 3;

    private TokenCount() {
    }

    static long of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        double tokens = text.codePoints().mapToDouble(c -> c < 128 ? 0.25 : 1.0).sum();
        return Math.max(1, (long) Math.ceil(tokens));
    }

    static long prompt(ChatCompletionRequest request) {
        return PER_REQUEST + request.texts().stream().mapToLong(text -> PER_MESSAGE + of(text)).sum();
    }
}
