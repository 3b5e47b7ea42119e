package castad.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * Azurite, the official Azure Storage emulator, as a child process of the test JVM (blob service only,
 * in memory). {@code ./castad test} installs it and names it in {@code CASTAD_AZURITE_BLOB_BIN}.
 */
final class TestAzurite {

    static final String ACCOUNT = "devstoreaccount1";
    static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String BIN_ENV = "CASTAD_AZURITE_BLOB_BIN";
    private static final Path BIN_IN_REPO = Path.of(".castad", "tools", "node_modules", ".bin", "azurite-blob");

    private final int port;

    private TestAzurite(int port) {
        this.port = port;
    }

    static TestAzurite start() {
        Path bin = locate().orElseThrow(() -> new IllegalStateException(
                "Azurite is not installed: run the tests with ./castad test (it installs azurite@3.37.0), or set "
                        + BIN_ENV));
        int port = freePort();
        try {
            Process process = new ProcessBuilder(bin.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                    String.valueOf(port), "--inMemoryPersistence", "--disableTelemetry", "--silent")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            Awaitility.await("Azurite on port " + port).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> process.isAlive() && accepts(port));
            return new TestAzurite(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> locate() {
        String fromEnv = System.getenv(BIN_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(BIN_IN_REPO);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
    }
}
