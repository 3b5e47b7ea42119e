package castad.simulators.suno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import castad.simulators.CallbackInbox;
import castad.simulators.RunningSimulatorTest;
import castad.simulators.SimulatorHttp;

class SunoFaultScriptTest extends RunningSimulatorTest {

    private final CallbackInbox inbox = new CallbackInbox();

    @BeforeEach
    void quickSteps() {
        simulator.send("PUT", "/sim/suno/timing", Map.of("textAfterMs", 50, "firstAfterMs", 100, "completeAfterMs", 150));
    }

    @AfterEach
    void closeInbox() {
        inbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"httpStatus\":429,\"code\":429} | 429 | 429",
            "{\"code\":429}                    | 200 | 429",
            "{\"httpStatus\":429}              | 429 | 429",
            "{\"code\":430}                    | 200 | 430",
            "{\"code\":455}                    | 200 | 455",
            "{\"code\":500}                    | 200 | 500",
            "{\"httpStatus\":500,\"code\":500} | 500 | 500"})
    void aScriptedRefusalAnswersItsStatusAndCodeAndIsNotPaid(String outcome, int status, int code) {
        script("[" + outcome + "]");

        var reply = simulator.authorized("POST", "/api/v1/generate", SunoRequests.song(inbox.url("/cb?ref=1")));

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body().fieldNames()).toIterable().containsExactly("code", "msg");
        assertThat(reply.body().get("code").asInt()).isEqualTo(code);
        assertThat(reply.body().get("msg").asText()).isNotBlank();
        assertThat(simulator.get("/sim/stats").body().at("/suno/submissions").asLong()).isZero();
    }

    @Test
    void outcomesAreUsedOnePerValidRequestInTheOrderGivenThenRequestsSucceed() {
        script("[{\"code\":430},{\"code\":455,\"msg\":\"Back soon\"}]");

        assertThat(simulator.authorized("POST", "/api/v1/generate", SunoRequests.with(null, Map.of())).status()).isEqualTo(422);
        assertThat(generate("/cb?ref=1").get("code").asInt()).isEqualTo(430);
        var second = generate("/cb?ref=1");
        assertThat(second.get("code").asInt()).isEqualTo(455);
        assertThat(second.get("msg").asText()).isEqualTo("Back soon");
        assertThat(generate("/cb?ref=1").get("code").asInt()).isEqualTo(200);
    }

    @Test
    void droppedCallbacksNeverArriveButPollingSeesTheTaskFinish() {
        script("[{\"callbacks\":\"drop\"}]");

        var taskId = generate("/cb?ref=1").at("/data/taskId").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> "SUCCESS".equals(recordInfo(taskId).get("status").asText()));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> inbox.received().isEmpty());
        assertThat(recordInfo(taskId).at("/response/sunoData/0/audioUrl").asText()).endsWith(".mp3");
    }

    @Test
    void duplicatedCallbacksArriveTwiceEachInOrder() {
        script("[{\"callbacks\":\"duplicate\"}]");

        generate("/cb?ref=1");

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 6);
        assertThat(inbox.callbackTypes()).containsExactly("text", "text", "first", "first", "complete", "complete");
        assertThat(inbox.bodies().get(4)).isEqualTo(inbox.bodies().get(5));
    }

    @Test
    void theGlobalCallbackDeliveryAppliesToTasksSubmittedAfterItChanged() {
        var set = simulator.send("PUT", "/sim/suno/callbacks", Map.of("callbacks", "drop"));
        assertThat(set.body().get("callbacks").asText()).isEqualTo("drop");
        assertThat(simulator.get("/sim/suno/callbacks").body().get("callbacks").asText()).isEqualTo("drop");
        script("[{\"callbacks\":\"normal\"}]");

        var scriptedNormal = generate("/cb?ref=normal").at("/data/taskId").asText();
        var dropped = generate("/cb?ref=dropped").at("/data/taskId").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> "SUCCESS".equals(recordInfo(dropped).get("status").asText()));
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 3);
        assertThat(inbox.received()).allSatisfy(callback -> assertThat(callback.uri()).isEqualTo("/cb?ref=normal"));
        assertThat(inbox.bodies().get(0).at("/data/task_id").asText()).isEqualTo(scriptedNormal);
        assertThat(simulator.send("PUT", "/sim/suno/callbacks", Map.of("callbacks", "twice")).status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SENSITIVE_WORD_ERROR,  400, error",
            "CREATE_TASK_FAILED,    501, error",
            "GENERATE_AUDIO_FAILED, 501, text;error"})
    void aScriptedFinalStatusEndsTheTaskWithAnErrorCallback(String finalStatus, int code, String callbacks) {
        script("[{\"finalStatus\":\"" + finalStatus + "\"}]");

        var taskId = generate("/cb?ref=1").at("/data/taskId").asText();

        var expected = callbacks.split(";");
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == expected.length);
        assertThat(inbox.callbackTypes()).containsExactly(expected);
        var error = inbox.bodies().get(expected.length - 1);
        assertThat(error.get("code").asInt()).isEqualTo(code);
        assertThat(error.get("msg").asText()).isNotBlank();
        assertThat(error.at("/data/task_id").asText()).isEqualTo(taskId);
        assertThat(error.at("/data/data")).isEmpty();
        var info = recordInfo(taskId);
        assertThat(info.get("status").asText()).isEqualTo(finalStatus);
        assertThat(info.get("errorCode").asInt()).isEqualTo(code);
        assertThat(info.get("errorMessage").asText()).isEqualTo(error.get("msg").asText());
        assertThat(info.get("response").isNull()).isTrue();
    }

    @Test
    void aRefundedTaskIsReportedAsAFailedGenerationWithCode531AndCounted() {
        long before = simulator.get("/sim/stats").body().at("/suno/refunded").asLong();
        script("[{\"finalStatus\":\"REFUNDED\"}]");

        var taskId = generate("/cb?ref=1").at("/data/taskId").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 1);
        assertThat(inbox.bodies().get(0).get("code").asInt()).isEqualTo(531);
        assertThat(inbox.callbackTypes()).containsExactly("error");
        var info = recordInfo(taskId);
        assertThat(info.get("status").asText()).isEqualTo("GENERATE_AUDIO_FAILED");
        assertThat(info.get("errorCode").asInt()).isEqualTo(531);
        assertThat(simulator.get("/sim/stats").body().at("/suno/refunded").asLong() - before).isEqualTo(1);
    }

    @Test
    void aCallbackExceptionEndsTheTaskWithItsAudioAndNoFinalCallback() {
        script("[{\"finalStatus\":\"CALLBACK_EXCEPTION\"}]");

        var taskId = generate("/cb?ref=1").at("/data/taskId").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> "CALLBACK_EXCEPTION".equals(recordInfo(taskId).get("status").asText()));
        var info = recordInfo(taskId);
        assertThat(info.at("/response/sunoData/0/audioUrl").asText()).endsWith(".mp3");
        assertThat(inbox.callbackTypes()).containsExactly("text", "first");
    }

    @Test
    void aScriptedErrorMessageIsTheOneReported() {
        script("[{\"finalStatus\":\"SENSITIVE_WORD_ERROR\",\"errorMessage\":\"Lyrics rejected\"}]");

        var taskId = generate("/cb?ref=1").at("/data/taskId").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 1);
        assertThat(inbox.bodies().get(0).get("msg").asText()).isEqualTo("Lyrics rejected");
        assertThat(recordInfo(taskId).get("errorMessage").asText()).isEqualTo("Lyrics rejected");
    }

    @Test
    void showsThePendingOutcomesAndForgetsThemWhenDeleted() {
        var appended = script("[{\"code\":429},{\"finalStatus\":\"CREATE_TASK_FAILED\"}]");

        assertThat(appended.body().get("outcomes")).hasSize(2);
        assertThat(appended.body().at("/outcomes/0").toString()).isEqualTo("{\"code\":429}");
        assertThat(simulator.send("DELETE", "/sim/suno/script", null).status()).isEqualTo(204);
        assertThat(simulator.get("/sim/suno/script").body().get("outcomes")).isEmpty();
        assertThat(generate("/cb?ref=1").get("code").asInt()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"finalStatus\":\"SUCCESS\"}", "{\"callbacks\":\"twice\"}", "{\"httpStatus\":200}",
            "{\"code\":200}", "{\"code\":429,\"finalStatus\":\"CREATE_TASK_FAILED\"}", "{\"msg\":\"alone\"}"})
    void refusesAnOutcomeItCannotPlay(String outcome) {
        assertThat(script("[" + outcome + "]").status()).isEqualTo(400);
        assertThat(simulator.get("/sim/suno/script").body().get("outcomes")).isEmpty();
    }

    @Test
    void theTimingSetAtRunTimeIsShownAndMustComeInOrder() {
        var set = simulator.send("PUT", "/sim/suno/timing", Map.of("textAfterMs", 10, "firstAfterMs", 20, "completeAfterMs", 30));

        assertThat(set.body().toString()).isEqualTo("{\"textAfterMs\":10,\"firstAfterMs\":20,\"completeAfterMs\":30}");
        assertThat(simulator.get("/sim/suno/timing").body()).isEqualTo(set.body());
        assertThat(simulator.send("PUT", "/sim/suno/timing", Map.of("textAfterMs", 30, "firstAfterMs", 20,
                "completeAfterMs", 30)).status()).isEqualTo(400);
        assertThat(simulator.send("PUT", "/sim/suno/timing", Map.of("textAfterMs", -1, "firstAfterMs", 20,
                "completeAfterMs", 30)).status()).isEqualTo(400);
    }

    private SimulatorHttp.Reply script(String outcomes) {
        return simulator.send("POST", "/sim/suno/script", SimulatorHttp.raw("{\"outcomes\":" + outcomes + "}"));
    }

    private JsonNode generate(String callbackPath) {
        return simulator.authorized("POST", "/api/v1/generate", SunoRequests.song(inbox.url(callbackPath))).body();
    }

    private JsonNode recordInfo(String taskId) {
        return simulator.authorized("GET", "/api/v1/generate/record-info?taskId=" + taskId, null).body().get("data");
    }
}
