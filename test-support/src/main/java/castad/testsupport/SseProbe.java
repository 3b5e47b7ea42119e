package castad.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Follows a Server-Sent Events stream as a browser would, keeping each event's name and data. */
public final class SseProbe implements AutoCloseable {

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream body;

    /** A stream as alice ({@link TestApiKeys#ALICE}) sees it. */
    public SseProbe(String url) {
        this(url, TestApiKeys.ALICE);
    }

    public SseProbe(String url, String apiKey) {
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream").header(TestApiKeys.HEADER, apiKey).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The event stream answered " + response.statusCode());
            }
            body = response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Thread reader = new Thread(this::read, "sse-probe");
        reader.setDaemon(true);
        reader.start();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:") && name != null) {
                    events.add(new Event(name, line.substring("data:".length()).strip()));
                    name = null;
                }
            }
        } catch (IOException closed) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    public record Event(String name, String data) {
    }
}
