package castad.simulators.callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POSTs provider callbacks as JSON with the JDK's async HttpClient and a 15 s timeout, as Suno
 * documents; a failed delivery is logged and forgotten, as a real provider would.
 */
@Component
public class CallbackPoster {

    private static final Logger log = LoggerFactory.getLogger(CallbackPoster.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;

    CallbackPoster(ObjectMapper json) {
        this.json = json;
    }

    /** The callbacks of one job to one URL, delivered in the order they are sent. */
    public CallbackLine line(URI target, CallbackDelivery delivery) {
        return new CallbackLine(this, target, delivery);
    }

    byte[] serialize(Object payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("callback payload is not serializable", e);
        }
    }

    CompletableFuture<Void> post(URI target, byte[] body) {
        var request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                log.debug("Callback to {} failed: {}", target, failure.toString());
            } else if (response.statusCode() >= 300) {
                log.debug("Callback to {} answered {}", target, response.statusCode());
            }
            return null;
        });
    }
}
