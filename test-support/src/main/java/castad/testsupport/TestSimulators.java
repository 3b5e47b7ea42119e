package castad.testsupport;

import castad.simulators.SimulatorsApplication;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** castad's provider simulators, in-process on a free port, started once per test JVM; driven over HTTP. */
public final class TestSimulators {

    private TestSimulators() {
    }

    public static String url() {
        return Running.URL;
    }

    /** Queues OpenAI outcomes, e.g. {@code {"status":401,"code":"invalid_api_key"}}, one per coming request. */
    public static void scriptOpenAi(String... outcomes) {
        http().post().uri("/sim/openai/script").contentType(MediaType.APPLICATION_JSON)
                .body("{\"outcomes\":[" + String.join(",", outcomes) + "]}").retrieve().toBodilessEntity();
    }

    public static void clearOpenAiScript() {
        http().delete().uri("/sim/openai/script").retrieve().toBodilessEntity();
    }

    /** Paid submissions the provider counted for one of our references (e.g. {@code lyric-42}). */
    public static int submissions(String provider, String reference) {
        return http().get().uri("/sim/stats/{provider}/{ref}", provider, reference).retrieve()
                .body(JsonNode.class).get("submissions").asInt();
    }

    /** Any simulator control call, e.g. {@code post("/sim/suno/script", "{\"outcomes\":[...]}")}. */
    public static void post(String path, String json) {
        http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toBodilessEntity();
    }

    public static void put(String path, String json) {
        http().put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toBodilessEntity();
    }

    public static void delete(String path) {
        http().delete().uri(path).retrieve().toBodilessEntity();
    }

    public static String text(String path) {
        return http().get().uri(path).retrieve().body(String.class);
    }

    public static JsonNode json(String path) {
        return http().get().uri(path).retrieve().body(JsonNode.class);
    }

    public static JsonNode stats() {
        return http().get().uri("/sim/stats").retrieve().body(JsonNode.class);
    }

    private static RestClient http() {
        return RestClient.create(url());
    }

    private static final class Running {
        static final ConfigurableApplicationContext CONTEXT = new SpringApplicationBuilder(SimulatorsApplication.class)
                .run("--server.port=0", "--spring.config.name=simulators-in-tests");
        static final String URL = "http://127.0.0.1:" + CONTEXT.getEnvironment().getProperty("local.server.port");
    }
}
