package castad.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestTemplate;

/**
 * The API keys every test gateway accepts: two customers and an operator. The gateway is configured with
 * their hashes only ({@link #PROPERTY}), as in production.
 */
public final class TestApiKeys {

    public static final String HEADER = "X-API-Key";
    public static final String PROPERTY = "castad.security.api-keys";
    public static final String ALICE = "test-key-alice-5b1f0c7e9d";
    public static final String BOB = "test-key-bob-a83d22f6c1";
    public static final String ADMIN = "test-key-admin-0e4c99b7aa";

    private TestApiKeys() {
    }

    /** {@code castad.security.api-keys}: alice and bob as users, ops as admin. */
    public static String configured() {
        return "alice:" + sha256(ALICE) + ",bob:" + sha256(BOB) + ",ops:" + sha256(ADMIN) + ":admin";
    }

    /** Every request of the template carries {@code key} from now on (replacing any key it carried before). */
    public static void sendAs(RestTemplate template, String key) {
        ClientHttpRequestInterceptor withKey = (request, body, execution) -> {
            request.getHeaders().set(HEADER, key);
            return execution.execute(request, body);
        };
        template.setInterceptors(List.of(withKey));
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
