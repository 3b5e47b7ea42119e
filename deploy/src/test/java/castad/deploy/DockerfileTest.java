package castad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The one Dockerfile: lint-clean, and laid out the way Boot's jarmode tools extract every service's jar. */
class DockerfileTest {

    static final List<String> SERVICES = Repository.SERVICES;
    private static final Path DOCKERFILE = Repository.file("Dockerfile");
    private static final String TEXT = Repository.read(DOCKERFILE);
    private static final Pattern LAYER_COPY = Pattern.compile("COPY --from=build /extracted/([a-z-]+)/ \\./");

    @Test
    void theLinterFindsNothing() {
        Path lint = Repository.nodeTools().resolve("node_modules/dockerfile-utils/bin/dockerfile-utils");
        var result = Repository.run(Repository.command("node", lint.toString(), "lint", "Dockerfile"));

        assertThat(result.output()).as("dockerfile-utils lint").isBlank();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void theImageRunsAsAnUnprivilegedUserWithContainerAwareMemory() {
        String runtime = TEXT.substring(TEXT.lastIndexOf("\nFROM "));

        assertThat(runtime).containsPattern("\nUSER 10001:10001\n").doesNotContain("USER root");
        assertThat(runtime).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(runtime).contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        assertThat(TEXT).containsPattern("ARG SERVICE=").contains("-pl \"${SERVICE}\" -am package");
        Pattern.compile("(?m)^FROM (\\S+)").matcher(TEXT).results().map(match -> match.group(1))
                .forEach(image -> assertThat(image).matches(".+:[^:]+").doesNotEndWith(":latest"));
    }

    /** The layers the image copies are the jar's own, least changed first, and hold the launcher and the code. */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageCopiesEveryLayerOfTheServicesJarInItsOrder(String service, @TempDir Path extracted)
            throws Exception {
        Path jar = Repository.file(service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar");
        List<String> copied = LAYER_COPY.matcher(TEXT).results().map(match -> match.group(1)).toList();

        assertThat(copied).isEqualTo(layersOf(jar));
        var result = Repository.run(Repository.command(javaBinary(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--layers", "--launcher", "--destination", extracted.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(extracted.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                .exists();
        assertThat(extracted.resolve("application/BOOT-INF/classes")).isDirectory();
        assertThat(copied).allSatisfy(layer -> assertThat(extracted.resolve(layer)).isDirectory());
    }

    private static List<String> layersOf(Path jar) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            String index = new String(zip.getInputStream(zip.getEntry("BOOT-INF/layers.idx")).readAllBytes());
            return Pattern.compile("(?m)^- \"([a-z-]+)\":").matcher(index).results().map(m -> m.group(1)).toList();
        }
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
