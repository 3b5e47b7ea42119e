package castad.deploy;

import castad.testsupport.Commands;
import castad.testsupport.Commands.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return Commands.nodeTools(ROOT, "kubernetes-models");
    }

    /** Runs a command in the repository root; its exit code and everything it printed. */
    static Result run(List<String> command) {
        return Commands.run(ROOT, command, Map.of(), Duration.ofSeconds(120));
    }

    static List<String> command(String... words) {
        return new ArrayList<>(List.of(words));
    }

}
