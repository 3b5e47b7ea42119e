package castad.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Tools the tests run as processes: the npm packages and Debian programs {@code ./castad test} installs. */
public final class Commands {

    private Commands() {
    }

    /** Where {@code ./castad test} installed the npm tools, with {@code npmPackage} among them. */
    public static Path nodeTools(Path repositoryRoot, String npmPackage) {
        String configured = System.getenv("CASTAD_NODE_TOOLS");
        Path tools = configured == null || configured.isBlank()
                ? repositoryRoot.resolve(".castad/tools") : Path.of(configured);
        assertThat(tools.resolve("node_modules").resolve(npmPackage))
                .as("npm package %s: run the tests through ./castad test, which installs it", npmPackage).exists();
        return tools;
    }

    /** Runs a command in {@code directory} with {@code environment} added; its exit code and all it printed. */
    public static Result run(Path directory, List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path output = Files.createTempFile("castad-command", ".out");
            var builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end within " + timeout + ":\n" + Files.readString(output));
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

    public record Result(int exitCode, String output) {
    }
}
