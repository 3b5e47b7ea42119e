package castad.gateway.idempotency;

import castad.gateway.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key}: the first request with a key runs, in one transaction with the key's row; its
 * response is stored with the key. A retry with the same key and request gets that response again
 * (header {@code Idempotent-Replayed: true}) and starts nothing. A concurrent retry waits on the key's
 * row until the first commits. The same key with another request is a 422. Failed requests (4xx) roll
 * back with their key, so a corrected retry may use it again. Keys are kept for a day.
 */
@Service
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Duration KEPT_FOR = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param caller  whose key it is: keys of different callers never meet, even when they are equal
     * @param key     the header's value, or null (then the action simply runs)
     * @param target  what the key is for: method and path
     * @param request the request's body (or null), to tell a retry from another request under the same key
     */
    public ResponseEntity<?> run(Caller caller, String key, String target, Object request,
                                 Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new IdempotencyKeyMisused(HttpStatus.BAD_REQUEST,
                    HEADER + " must be 1 to 200 visible ASCII characters");
        }
        String scope = caller.name() + " " + target;
        String hash = sha256(write(request));
        try {
            return transactions.execute(status -> firstRun(key, scope, hash, action));
        } catch (DuplicateKeyException retry) {
            return replay(key, scope, hash);
        }
    }

    private ResponseEntity<?> firstRun(String key, String scope, String hash, Supplier<ResponseEntity<?>> action) {
        jdbc.sql("INSERT INTO idempotency_key (idem_key, scope, request_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(key, scope, hash, clock.instant())
                .update();
        ResponseEntity<?> response = action.get();
        URI location = response.getHeaders().getLocation();
        jdbc.sql("UPDATE idempotency_key SET status_code = ?, location = ?, response_body = ? WHERE idem_key = ? AND scope = ?")
                .params(response.getStatusCode().value(), location == null ? null : location.toString(),
                        write(response.getBody()), key, scope)
                .update();
        return response;
    }

    private ResponseEntity<?> replay(String key, String scope, String hash) {
        Stored stored = jdbc.sql("""
                SELECT request_hash, status_code, location, response_body FROM idempotency_key
                WHERE idem_key = ? AND scope = ?""")
                .params(key, scope)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), (Integer) rs.getObject("status_code"),
                        rs.getString("location"), rs.getString("response_body")))
                .optional()
                .orElseThrow(() -> new IdempotencyKeyMisused(HttpStatus.CONFLICT,
                        "A request with this " + HEADER + " is still running; retry shortly"));
        if (!stored.requestHash().equals(hash)) {
            throw new IdempotencyKeyMisused(HttpStatus.UNPROCESSABLE_ENTITY,
                    "This " + HEADER + " was used for a different request");
        }
        var response = ResponseEntity.status(stored.statusCode()).header("Idempotent-Replayed", "true");
        Optional.ofNullable(stored.location()).ifPresent(location -> response.location(URI.create(location)));
        return response.body(read(stored.body()));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
                .param(clock.instant().minus(KEPT_FOR)).update();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(String body) {
        try {
            return body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String requestHash, Integer statusCode, String location, String body) {
    }
}
