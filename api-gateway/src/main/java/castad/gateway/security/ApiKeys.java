package castad.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Finds the configured key a presented one hashes to. Every configured hash is compared, in constant time,
 * so how long a refusal takes says nothing about which hash came close.
 */
final class ApiKeys {

    /** Longer than any key we hand out; a longer header is refused before it is hashed. */
    static final int MAX_LENGTH = 200;

    private final List<ApiKey> keys;

    ApiKeys(List<ApiKey> keys) {
        this.keys = keys;
    }

    Optional<ApiKey> match(String presented) {
        if (presented.isEmpty() || presented.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = HexFormat.of().formatHex(sha256(presented)).getBytes(StandardCharsets.US_ASCII);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(hash, key.sha256().getBytes(StandardCharsets.US_ASCII))) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
