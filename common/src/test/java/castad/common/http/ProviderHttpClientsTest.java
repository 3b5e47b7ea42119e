package castad.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The JVM of these tests has a common pool of two threads, as every castad service has
 * ({@code CastadDefaults.widenCommonPool}; the pom gives the test JVMs the same).
 */
class ProviderHttpClientsTest {

    private final HttpServer provider = provider();

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void callsWithABodyReuseThreadsInsteadOfStartingOnePerCall() {
        RestClient client = ProviderHttpClients.create("http://127.0.0.1:" + provider.getAddress().getPort(), "key",
                new HttpClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(5)), ObservationRegistry.NOOP);
        call(client); // the client's first threads
        long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();

        for (int i = 0; i < 30; i++) {
            assertThat(call(client)).isEqualTo("{\"id\":\"job-1\"}");
        }

        assertThat(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore)
                .as("threads started during 30 calls (one or two per call before: the body's writer and the answer's)")
                .isLessThan(10);
    }

    private static String call(RestClient client) {
        return client.post().uri("/jobs").body("{\"prompt\":\"a song\"}").retrieve().body(String.class);
    }

    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.createContext("/jobs", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] answer = "{\"id\":\"job-1\"}".getBytes();
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
