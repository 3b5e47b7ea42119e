package castad.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables one castad service reads: the {@code ${NAME}} placeholders of its configuration files
 * and of common's defaults, every setting its own, common's and Spring Boot's configuration metadata describe (by
 * Spring's binding of environment variables: {@code castad.blob-copy.allowed-hosts} is read from
 * {@code CASTAD_BLOBCOPY_ALLOWEDHOSTS} or {@code CASTAD_BLOB_COPY_ALLOWED_HOSTS}), and what the JVM itself reads.
 */
final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Set<String> READ_BY_THE_JVM = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private final Set<String> placeholders = new HashSet<>();
    private final Set<String> properties = new HashSet<>();
    private final Set<String> mapPrefixes = new HashSet<>();

    private ServiceSettings(String service) {
        configurationFiles(service).forEach(file -> placeholders.addAll(placeholdersIn(Repository.read(file))));
        metadataOf(service).forEach(this::describe);
    }

    static ServiceSettings of(String service) {
        return new ServiceSettings(service);
    }

    boolean reads(String variable) {
        if (READ_BY_THE_JVM.contains(variable) || placeholders.contains(variable)) {
            return true;
        }
        return properties.contains(variable) || mapPrefixes.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
    }

    Set<String> placeholders() {
        return Collections.unmodifiableSet(placeholders);
    }

    private static Stream<Path> configurationFiles(String service) {
        Path own = Repository.file(service + "/src/main/resources");
        Path defaults = Repository.file("common/src/main/resources/castad-defaults.yml");
        try (Stream<Path> files = Files.list(own)) {
            var yml = files.filter(file -> file.toString().endsWith(".yml")).toList();
            return service.equals("simulators") ? yml.stream() : Stream.concat(yml.stream(), Stream.of(defaults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> placeholdersIn(String text) {
        Set<String> names = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The service's own metadata, common's (not the simulators': they do not use it), and every library's. */
    private static Stream<URL> metadataOf(String service) {
        Stream<Path> castad = Stream.of(service, "common")
                .filter(module -> !(service.equals("simulators") && module.equals("common")))
                .map(module -> Repository.file(module + "/target/classes/" + METADATA));
        try {
            var libraries = Collections.list(ServiceSettings.class.getClassLoader().getResources(METADATA)).stream()
                    .filter(url -> !url.toString().contains(Repository.ROOT.toString()))
                    .filter(url -> !url.toString().contains("/castad/"));
            return Stream.concat(castad.filter(Files::exists).map(ServiceSettings::url), libraries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void describe(URL metadata) {
        try (InputStream in = metadata.openStream()) {
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                String name = property.path("name").asText().toUpperCase(Locale.ROOT).replace('.', '_');
                var variables = Stream.of(name.replace("-", ""), name.replace('-', '_')).distinct().toList();
                properties.addAll(variables);
                if (property.path("type").asText().startsWith("java.util.Map")) {
                    mapPrefixes.addAll(variables);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
