package castad.simulators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A real HTTP client for a running simulator, as a service under test would talk to it. */
public final class SimulatorHttp {

    public static final String KEY = "sk-test-0123456789";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final URI base;

    public SimulatorHttp(int port) {
        this.port = port;
        this.base = URI.create("http://localhost:" + port);
    }

    /** A lyric request as our lyric worker sends it: a system message and a user prompt with facts. */
    public static Map<String, Object> lyricRequest(String user, String store, String language) {
        var prompt = "Write lyrics for a short advertising song.\nStore: " + store + "\nRegion: Seoul\nLanguage: " + language;
        return chatRequest(user, List.of(
                Map.of("role", "system", "content", "You write catchy lyrics for local stores."),
                Map.of("role", "user", "content", prompt)));
    }

    public static Map<String, Object> chatRequest(String user, List<Map<String, Object>> messages) {
        return user == null
                ? Map.of("model", "gpt-4o-mini", "messages", messages)
                : Map.of("model", "gpt-4o-mini", "messages", messages, "user", user);
    }

    public Reply chat(Object body) {
        return send("POST", "/v1/chat/completions", body, "Authorization", "Bearer " + KEY);
    }

    public CompletableFuture<Reply> chatAsync(Object body) {
        return http.sendAsync(request("POST", "/v1/chat/completions", body, "Authorization", "Bearer " + KEY),
                BodyHandlers.ofString()).thenApply(SimulatorHttp::reply);
    }

    /** Any call, answered later: for slow answers, checked with timeouts on the future. */
    public CompletableFuture<Reply> sendAsync(String method, String path, Object body, String... headers) {
        return http.sendAsync(request(method, path, body, headers), BodyHandlers.ofString()).thenApply(SimulatorHttp::reply);
    }

    /** {@code PUT /sim/<provider>/chaos} with these settings. */
    public Reply chaos(String provider, Map<String, Object> settings) {
        return send("PUT", "/sim/" + provider + "/chaos", settings);
    }

    public Reply script(String outcomesJson) {
        return send("POST", "/sim/openai/script", raw("{\"outcomes\":" + outcomesJson + "}"));
    }

    public Reply send(String method, String path, Object body, String... headers) {
        try {
            return reply(http.send(request(method, path, body, headers), BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    /** A provider call with the Bearer key (Suno, Creatomate). */
    public Reply authorized(String method, String path, Object body) {
        return send(method, path, body, "Authorization", "Bearer " + KEY);
    }

    /** The bytes behind a path or an absolute URL (media files). */
    public Download download(String pathOrUrl) {
        try {
            var response = http.send(request("GET", pathOrUrl, null), BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code request} as written over a plain socket and returns every byte that came back
     * until the server closed the connection (a reset ends it too). Send {@code Connection: close}
     * unless the server is expected to close it on its own.
     */
    public byte[] rawExchange(String request) {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var received = new ByteArrayOutputStream();
            var buffer = new byte[8192];
            try {
                for (int n = socket.getInputStream().read(buffer); n != -1; n = socket.getInputStream().read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // the connection was reset rather than closed: it ended all the same
            }
            return received.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the simulator back to its defaults: no scripts, no chaos, no counts, no latency, default timing and delivery. */
    public void reset() {
        send("DELETE", "/sim/openai/script", null);
        send("PUT", "/sim/openai/latency", Map.of("latencyMs", 0));
        send("DELETE", "/sim/suno/script", null);
        send("PUT", "/sim/suno/timing", Map.of("textAfterMs", 200, "firstAfterMs", 400, "completeAfterMs", 600));
        send("PUT", "/sim/suno/callbacks", Map.of("callbacks", "normal"));
        send("DELETE", "/sim/creatomate/script", null);
        send("PUT", "/sim/creatomate/timing", Map.of("waitingAfterMs", 100, "transcribingAfterMs", 200,
                "renderingAfterMs", 400, "finishedAfterMs", 800));
        send("PUT", "/sim/creatomate/webhooks", Map.of("webhooks", "normal"));
        for (var chaos : List.of("openai", "suno", "creatomate", "media")) {
            send("DELETE", "/sim/" + chaos + "/chaos", null);
        }
        send("DELETE", "/sim/stats", null);
    }

    public static Raw raw(String json) {
        return new Raw(json);
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private HttpRequest request(String method, String path, Object body, String... headers) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json(body)));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    private static String json(Object body) {
        try {
            return body instanceof Raw raw ? raw.json() : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Reply reply(HttpResponse<String> response) {
        try {
            var body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), response.headers(), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    /** A downloaded file. */
    public record Download(int status, HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A JSON body sent as written. */
    public record Raw(String json) {
    }

    public record Reply(int status, HttpHeaders headers, JsonNode body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String content() {
            return body.at("/choices/0/message/content").asText();
        }
    }
}
