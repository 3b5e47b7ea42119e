package castad.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import org.springframework.boot.DefaultPropertiesPropertySource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Sets up the environment of every castad service (an application class with {@link CastadService}) before
 * its configuration files are read:
 * <ul>
 * <li>the service's name from {@link CastadService}: its config file {@code <name>.yml} and application name;</li>
 * <li>{@code castad-defaults.yml} (database, Kafka, pools, actuator) below every other property source, so
 * the service's own file, the environment and the command line override it;</li>
 * <li>UTC as the JVM's zone: {@code DATETIME(6)} columns carry none, and every service must read and write
 * them alike;</li>
 * <li>a common fork-join pool of at least two threads ({@link #COMMON_POOL}).</li>
 * </ul>
 */
public class CastadDefaults implements EnvironmentPostProcessor, Ordered {

    private static final String DEFAULTS = "castad-defaults.yml";
    private static final String SERVICE = "castad-service";
    static final String LOADED = "castad.defaults.loaded";
    /**
     * With one or two CPUs the JVM sizes the common pool at one thread, and {@code CompletableFuture}'s default
     * executor then starts a new thread for every task: the JDK HTTP client's {@code sendAsync}, which every
     * provider call goes through, completes each response that way (measured: a thread started per provider
     * call in each worker, 3,600 per 1,000 pipelines). Two threads make it the pool it is on bigger machines.
     */
    static final String COMMON_POOL = "java.util.concurrent.ForkJoinPool.common.parallelism";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        widenCommonPool(Runtime.getRuntime().availableProcessors());
        // Only castad's own services: other apps in the same JVM (the simulators in tests) stay untouched.
        serviceName(application).ifPresent(name -> {
            environment.getPropertySources().addLast(new MapPropertySource(
                    SERVICE, Map.of("spring.config.name", name, "spring.application.name", name)));
            addDefaults(environment);
        });
    }

    /** The pool reads the property when it is first used, which in a service's JVM is after this. */
    static void widenCommonPool(int processors) {
        if (System.getProperty(COMMON_POOL) == null && processors < 3) {
            System.setProperty(COMMON_POOL, "2");
        }
    }

    private static Optional<String> serviceName(SpringApplication application) {
        return application.getAllSources().stream()
                .filter(Class.class::isInstance)
                .map(source -> AnnotatedElementUtils.findMergedAnnotation((Class<?>) source, CastadService.class))
                .filter(Objects::nonNull)
                .map(CastadService::value)
                .findFirst();
    }

    /**
     * As Spring Boot's {@code defaultProperties}, which stay below the configuration files (config data is
     * added after this runs, and defaultProperties is then moved to the end): a property source of our own
     * added last here would end up above the service's {@code <name>.yml} and silently win over it.
     */
    @SuppressWarnings("unchecked")
    private static void addDefaults(ConfigurableEnvironment environment) {
        if (environment.containsProperty(LOADED)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(DEFAULTS, new ClassPathResource(DEFAULTS))) {
                Map<String, Object> properties = new LinkedHashMap<>();
                // plain values: defaultProperties is a plain map, which does not unwrap the YAML's origins
                ((Map<String, Object>) source.getSource()).forEach((name, value) -> properties.put(name,
                        value instanceof OriginTrackedValue tracked ? tracked.getValue() : value));
                properties.put(LOADED, true);
                DefaultPropertiesPropertySource.addOrMerge(properties, environment.getPropertySources());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Before Spring Boot reads the configuration files, which needs {@code spring.config.name}. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
