package castad.blob;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's file server for tests: each path answers a script of responses, one per request (the last
 * one repeats), and counts its requests. It listens on every loopback address, so that 127.0.0.2 reaches it
 * too: a URL the policy refuses would be fetchable, and the count shows it was not.
 */
final class SourceServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, ConcurrentLinkedDeque<Response>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    SourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    void on(String path, Response... responses) {
        scripts.put(path, new ConcurrentLinkedDeque<>(List.of(responses)));
    }

    String url(String path) {
        return url("127.0.0.1", path);
    }

    String url(String host, String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    int hits(String path) {
        return hits.computeIfAbsent(path, key -> new AtomicInteger()).get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        var script = scripts.get(path);
        Response response = script == null ? status(404) : script.size() > 1 ? script.poll() : script.peek();
        try (exchange) {
            response.answer(exchange, released);
        } catch (IOException clientWentAway) {
            // the worker stopped reading (too large, or timed out): nothing to do
        }
    }

    static Response status(int status) {
        return (exchange, released) -> exchange.sendResponseHeaders(status, -1);
    }

    static Response redirect(String location) {
        return (exchange, released) -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** The whole file, with a Content-Length, or chunked (no declared length). */
    static Response file(byte[] bytes, boolean declaresLength) {
        return (exchange, released) -> {
            exchange.sendResponseHeaders(200, declaresLength ? bytes.length : 0);
            write(exchange.getResponseBody(), bytes, bytes.length);
        };
    }

    /** Declares the whole file, sends the first {@code sent} bytes, then goes silent until the test ends. */
    static Response stallingAfter(byte[] bytes, int sent) {
        return (exchange, released) -> {
            exchange.sendResponseHeaders(200, bytes.length);
            write(exchange.getResponseBody(), bytes, sent);
            exchange.getResponseBody().flush();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void write(OutputStream out, byte[] bytes, int length) throws IOException {
        for (int offset = 0; offset < length; offset += 65_536) {
            out.write(bytes, offset, Math.min(65_536, length - offset));
        }
    }

    @FunctionalInterface
    interface Response {
        void answer(HttpExchange exchange, CountDownLatch released) throws IOException;
    }
}
