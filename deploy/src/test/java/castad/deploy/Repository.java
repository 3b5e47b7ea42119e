package castad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** The checkout these checks read, and the tools {@code ./castad test} installs for them. */
final class Repository {

    /** The castad services: each builds into an image of its own. */
    static final List<String> SERVICES =
            List.of("simulators", "api-gateway", "lyric-worker", "song-worker", "video-worker", "blob-worker");

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Repository() {
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        return (Map<String, Object>) new Yaml().load(read(file));
    }

    /** Where {@code ./castad test} installed the npm tools (dockerfile-utils, kubernetes-models). */
    static Path nodeTools() {
        String configured = System.getenv("CASTAD_NODE_TOOLS");
        Path tools = configured == null || configured.isBlank() ? file(".castad/tools") : Path.of(configured);
        assertThat(tools.resolve("node_modules/kubernetes-models"))
                .as("the npm tools these checks use: run them through ./castad test, which installs them").exists();
        return tools;
    }

    /** Runs a command in the repository root; its exit code and everything it printed. */
    static Result run(List<String> command) {
        try {
            Path output = Files.createTempFile("castad-deploy", ".out");
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end within 120 s");
            }
            String printed = Files.readString(output);
            Files.delete(output);
            return new Result(process.exitValue(), printed);
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + " (./castad test installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> command(String... words) {
        return new ArrayList<>(List.of(words));
    }

    record Result(int exitCode, String output) {
    }
}
