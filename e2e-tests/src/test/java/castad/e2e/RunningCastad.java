package castad.e2e;

import castad.blob.BlobWorkerApplication;
import castad.gateway.GatewayApplication;
import castad.lyric.LyricWorkerApplication;
import castad.song.SongWorkerApplication;
import castad.testsupport.TestApiKeys;
import castad.testsupport.TestInfrastructure;
import castad.testsupport.TestSimulators;
import castad.video.VideoWorkerApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * castad as in production, in one JVM: every service in its own application context (its own config,
 * pools, consumers and scheduler), talking only through Kafka, MariaDB and Azurite, with the provider
 * simulators over HTTP. Started once for all end-to-end tests of the JVM.
 */
final class RunningCastad {

    private static final Map<Class<?>, ConfigurableApplicationContext> services = new HashMap<>();
    private static String gatewayUrl;

    private RunningCastad() {
    }

    static synchronized RestClient api() {
        if (gatewayUrl == null) {
            start();
        }
        return RestClient.builder().baseUrl(gatewayUrl)
                .defaultHeader(TestApiKeys.HEADER, TestApiKeys.ALICE).build();
    }

    static String gatewayUrl() {
        api();
        return gatewayUrl;
    }

    static <T> T bean(Class<?> service, Class<T> type) {
        api();
        return services.get(service).getBean(type);
    }

    /** Where a service answers its actuator endpoints (the gateway: on its management port). */
    static String url(Class<?> service) {
        api();
        var environment = services.get(service).getEnvironment();
        return "http://127.0.0.1:" + environment.getProperty("local.management.port",
                environment.getProperty("local.server.port"));
    }

    private static void start() {
        Map<String, Object> common = new HashMap<>(TestInfrastructure.properties());
        String simulators = TestSimulators.url();
        common.put("server.port", "0");
        common.put("castad.openai.simulator-url", simulators);
        common.put("castad.suno.simulator-url", simulators);
        common.put("castad.creatomate.simulator-url", simulators);
        common.put("castad.callbacks.secret", "end-to-end-callback-secret");
        // Providers answer in about a second here; polls and deadlines are scaled down to match.
        common.put("castad.song.first-poll", "2s");
        common.put("castad.song.poll-interval", "1s");
        common.put("castad.song.deadline", "12s");
        common.put("castad.video.first-poll", "2s");
        common.put("castad.video.poll-interval", "1s");
        common.put("castad.video.deadline", "12s");
        // Suno's circuit opens after six transient failures in a row (no other test makes that many) and
        // half-opens after 5 s; songs handed back are driven again after 3 s.
        common.put("castad.suno.circuit-breaker.sliding-window-size", "6");
        common.put("castad.suno.circuit-breaker.minimum-number-of-calls", "6");
        common.put("castad.suno.circuit-breaker.failure-rate-threshold", "100");
        common.put("castad.suno.circuit-breaker.wait-in-open-state", "5s");
        common.put("castad.song.stale-pending", "3s");
        // Attempts handed back after a provider kept failing are retried after 3 s (1 min by default).
        common.put("castad.lyric.stale-pending", "3s");
        common.put("castad.lyric.sweep-interval", "1s");
        common.put("castad.video.stale-pending", "3s");
        var gatewayProperties = new HashMap<>(common);
        gatewayProperties.put("management.server.port", "0");
        ConfigurableApplicationContext gateway = run(GatewayApplication.class, gatewayProperties);
        gatewayUrl = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
        common.put("castad.callbacks.base-url", gatewayUrl);
        // Spring Security is on this JVM's classpath for the gateway; a worker's own jar has none
        common.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"));
        List.of(LyricWorkerApplication.class, SongWorkerApplication.class, VideoWorkerApplication.class,
                BlobWorkerApplication.class).forEach(service -> run(service, common));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(ConfigurableApplicationContext::close)));
    }

    private static ConfigurableApplicationContext run(Class<?> service, Map<String, Object> properties) {
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(service).run(args.toArray(String[]::new));
        services.put(service, context);
        return context;
    }
}
