package castad.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import castad.gateway.GatewayApplication;
import castad.song.SongWorkerApplication;
import castad.testsupport.SseProbe;
import castad.testsupport.TestSimulators;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Providers as they really behave: webhooks that come twice or never, tasks that never finish, terminal
 * failures. Each test scripts the simulators for its one pipeline.
 */
class ProviderTroubleEndToEndIT {

    private final Castad castad = new Castad();

    @AfterEach
    void clearScripts() {
        TestSimulators.delete("/sim/openai/script");
        TestSimulators.delete("/sim/suno/script");
        TestSimulators.delete("/sim/creatomate/script");
    }

    @Test
    void duplicateCallbacksAndWebhooksChangeNothing() {
        TestSimulators.post("/sim/suno/script", "{\"outcomes\":[{\"callbacks\":\"duplicate\"}]}");
        TestSimulators.post("/sim/creatomate/script", "{\"outcomes\":[{\"webhook\":\"duplicate\"}]}");
        String taskId = castad.projectWithPhotos("Twice Told Diner", "en", 2);

        try (var timeline = new SseProbe(RunningCastad.gatewayUrl() + "/api/v1/projects/" + taskId + "/events")) {
            castad.post(taskId, "pipeline", null);
            JsonNode task = castad.awaitTask(taskId, Castad::pipelineEnded, Duration.ofSeconds(90));

            assertThat(task.get("pipeline").get("status").asText()).isEqualTo("completed");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> timeline.names().contains("PipelineCompleted"));
            assertThat(timeline.names().stream().filter("StageCompleted"::equals)).hasSize(3);
            assertThat(timeline.names().stream().filter("BlobStored"::equals)).hasSize(2);
            assertThat(TestSimulators.submissions("suno", task.get("song").get("id").asText())).isEqualTo(1);
            assertThat(TestSimulators.submissions("creatomate", task.get("video").get("id").asText())).isEqualTo(1);
        }
    }

    @Test
    void whenNoCallbackEverComesPollingFinishesTheJob() {
        TestSimulators.post("/sim/suno/script", "{\"outcomes\":[{\"callbacks\":\"drop\"}]}");
        TestSimulators.post("/sim/creatomate/script", "{\"outcomes\":[{\"webhook\":\"drop\"}]}");
        String taskId = castad.projectWithPhotos("Silent Provider Cafe", "ko", 1);

        castad.post(taskId, "pipeline", null);

        JsonNode task = castad.awaitTask(taskId, Castad::pipelineEnded, Duration.ofSeconds(90));
        assertThat(task.get("pipeline").get("status").asText()).isEqualTo("completed");
        assertThat(task.get("video").get("resultUrl").asText()).contains("sig=");
    }

    @Test
    void aProviderFailingThroughEveryRetryDelaysTheStageButTheAdvertStillComesOutPaidOnce() {
        String fourFailures = ",{\"httpStatus\":503}".repeat(4).substring(1);
        TestSimulators.post("/sim/openai/script", "{\"outcomes\":[" + fourFailures.replace("httpStatus", "status")
                + "]}");
        TestSimulators.post("/sim/creatomate/script", "{\"outcomes\":[" + fourFailures + "]}");
        String taskId = castad.projectWithPhotos("Second Wind Cafe", "en", 1);

        castad.post(taskId, "pipeline", null);

        JsonNode task = castad.awaitTask(taskId, Castad::pipelineEnded, Duration.ofSeconds(90));
        assertThat(task.get("pipeline").get("status").asText()).isEqualTo("completed");
        assertThat(task.get("video").get("resultUrl").asText()).contains("sig=");
        assertThat(RunningCastad.bean(GatewayApplication.class, JdbcClient.class)
                .sql("SELECT event_type FROM timeline_event WHERE task_id = ?").param(taskId).query(String.class).list())
                .contains("PipelineCompleted").doesNotContain("StageFailed");
        assertThat(TestSimulators.submissions("creatomate", task.get("video").get("id").asText()))
                .as("refused renders are not paid; the one that was accepted is paid once").isEqualTo(1);
        assertThat(TestSimulators.json("/sim/openai/script").get("outcomes")).isEmpty();
    }

    @Test
    void aSongThatNeverFinishesFailsAtItsDeadline() {
        JsonNode timing = TestSimulators.json("/sim/suno/timing");
        TestSimulators.put("/sim/suno/timing", "{\"textAfterMs\":100,\"firstAfterMs\":200,\"completeAfterMs\":600000}");
        try {
            String taskId = castad.projectWithPhotos("Forever Pending Pub", "en", 1);

            castad.post(taskId, "pipeline", null);

            JsonNode task = castad.awaitTask(taskId, Castad::pipelineEnded, Duration.ofSeconds(60));
            assertThat(task.get("song").get("status").asText()).isEqualTo("failed");
            assertThat(task.get("song").get("errorCode").asText()).isEqualTo("STAGE_TIMEOUT");
            assertThat(task.get("pipeline").get("status").asText()).isEqualTo("failed");
            assertThat(task.get("pipeline").get("errorCode").asText()).isEqualTo("STAGE_TIMEOUT");
            assertThat(task.get("video").isNull()).isTrue();
        } finally {
            TestSimulators.put("/sim/suno/timing", timing.toString());
        }
    }

    @Test
    void aSongWhoseWorkerDiedBeforeStoringSunosIdIsTakenOverAfterItsLeaseAndCountedOnlyIfItHadSent() {
        double before = songResubmissions();
        JsonNode sent = castad.awaitTask(songClaimedByADeadWorker("Restarted Worker Records", true),
                t -> "completed".equals(t.path("song").path("status").asText()), Duration.ofSeconds(60));
        assertThat(songResubmissions() - before).as("it had sent its request: Suno may have been paid twice")
                .isEqualTo(1.0);

        JsonNode unsent = castad.awaitTask(songClaimedByADeadWorker("Never Sent Records", false),
                t -> "completed".equals(t.path("song").path("status").asText()), Duration.ofSeconds(60));
        assertThat(songResubmissions() - before).as("it died before sending: nothing was paid twice").isEqualTo(1.0);

        assertThat(List.of(sent, unsent)).allSatisfy(task -> assertThat(
                TestSimulators.submissions("suno", task.get("song").get("id").asText())).isEqualTo(1));
    }

    /** A task whose song was claimed by a worker that died (its lease ran out), after sending or before. */
    private String songClaimedByADeadWorker(String storeName, boolean hadSent) {
        String taskId = castad.projectWithPhotos(storeName, "en", 1);
        JdbcClient db = RunningCastad.bean(GatewayApplication.class, JdbcClient.class);
        long project = db.sql("SELECT id FROM project WHERE task_id = ?").param(taskId).query(Long.class).single();
        db.sql("""
                INSERT INTO lyric (project_id, status, lyric_text, created_at, updated_at)
                VALUES (?, 'completed', '[Verse] la la la', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""").param(project).update();
        db.sql("""
                INSERT INTO song (project_id, lyric_id, status, style, title, attempts, lease_owner, lease_until,
                                  sending_at, started_at, created_at, updated_at)
                SELECT project_id, id, 'processing', 'pop', 'Restarted', 1, 'song-worker-that-died',
                       TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)), ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6),
                       UTC_TIMESTAMP(6)
                FROM lyric WHERE project_id = ?""")
                .params(hadSent ? Timestamp.from(Instant.now().minusSeconds(2)) : null, project)
                .update();
        return taskId;
    }

    private static double songResubmissions() {
        return RunningCastad.bean(SongWorkerApplication.class, MeterRegistry.class)
                .get("castad.provider.resubmissions").tag("provider", "suno").counter().count();
    }

    @Test
    void terminalProviderFailuresFailTheStageAndThePipelineWithAFixedReasonNotTheProvidersText() {
        TestSimulators.post("/sim/suno/script", "{\"outcomes\":[{\"finalStatus\":\"SENSITIVE_WORD_ERROR\","
                + "\"errorMessage\":\"The lyrics contain sensitive words\"}]}");
        String refusedSong = castad.projectWithPhotos("Sensitive Words Shop", "en", 1);
        castad.post(refusedSong, "pipeline", null);
        JsonNode songTask = castad.awaitTask(refusedSong, Castad::pipelineEnded, Duration.ofSeconds(60));

        TestSimulators.post("/sim/creatomate/script", "{\"outcomes\":[{\"httpStatus\":402,"
                + "\"hint\":\"Insufficient credits\"}]}");
        String noCredits = castad.projectWithPhotos("No Credits Gallery", "en", 1);
        castad.post(noCredits, "pipeline", null);
        JsonNode videoTask = castad.awaitTask(noCredits, Castad::pipelineEnded, Duration.ofSeconds(60));

        assertThat(songTask.get("song").get("status").asText()).isEqualTo("failed");
        assertThat(songTask.get("song").get("errorCode").asText()).startsWith("SUNO_");
        assertThat(songTask.get("pipeline").get("errorCode").asText())
                .isEqualTo(songTask.get("song").get("errorCode").asText());
        assertThat(videoTask.get("video").get("status").asText()).isEqualTo("failed");
        assertThat(videoTask.get("video").get("errorCode").asText()).isEqualTo("CREATOMATE_INSUFFICIENT_CREDITS");
        assertThat(videoTask.get("video").get("errorMessage").asText())
                .isEqualTo("castad's Creatomate credits are used up; an operator must top them up");
        assertThat(songTask.get("song").get("errorMessage").asText()).doesNotContain("The lyrics contain sensitive words");
        assertThat(videoTask.get("pipeline").get("errorMessage").asText()).doesNotContain("Insufficient credits");
        assertThat(videoTask.get("pipeline").get("status").asText()).isEqualTo("failed");
        assertThat(TestSimulators.submissions("creatomate", videoTask.get("video").get("id").asText()))
                .as("a refused render is not paid and not retried").isZero();
        assertThat(List.of(songTask, videoTask)).allSatisfy(t -> assertThat(t.get("lyric").get("status").asText())
                .isEqualTo("completed"));
    }

    @Test
    void aRenderCreatomateAcceptedWithAnAnswerCastadCannotReadFailsTheVideoAndIsNotPaidAgain() {
        TestSimulators.post("/sim/creatomate/script", "{\"outcomes\":[{\"acceptance\":\"unreadable\"}]}");

        JsonNode task = castad.endedPipeline("Garbled Answer Bistro", 1, Duration.ofSeconds(60));

        assertThat(task.get("video").get("status").asText()).isEqualTo("failed");
        assertThat(task.get("video").get("errorCode").asText()).isEqualTo("CREATOMATE_UNREADABLE_ACCEPTANCE");
        assertThat(task.get("pipeline").get("status").asText()).isEqualTo("failed");
        assertThat(TestSimulators.submissions("creatomate", task.get("video").get("id").asText()))
                .as("the render Creatomate took is paid once, never submitted again").isEqualTo(1);
    }

    @Test
    void aTemplateThatNestsItsElementsIsFilledAndOneWithoutMusicFailsTheVideoBeforeAnythingIsPaid() {
        String nested = castad.projectWithPhotos("Nested Scene Bakery", "en", 2);
        String silent = castad.projectWithPhotos("Silent Template Tavern", "en", 1);

        castad.post(nested, "pipeline", Map.of("templateId", "castad-nested"));
        castad.post(silent, "pipeline", Map.of("templateId", "castad-no-music"));
        JsonNode filled = castad.awaitTask(nested, Castad::pipelineEnded, Duration.ofSeconds(90));
        JsonNode refused = castad.awaitTask(silent, Castad::pipelineEnded, Duration.ofSeconds(90));

        assertThat(filled.get("pipeline").get("status").asText())
                .as("the photos and the title were found inside the composition (or the video would have failed)")
                .isEqualTo("completed");
        assertThat(TestSimulators.submissions("creatomate", filled.get("video").get("id").asText())).isEqualTo(1);
        assertThat(refused.get("video").get("status").asText()).isEqualTo("failed");
        assertThat(refused.get("video").get("errorCode").asText()).isEqualTo("TEMPLATE_MISMATCH");
        assertThat(refused.get("video").get("errorMessage").asText()).contains("castad-no-music").contains("Music");
        assertThat(TestSimulators.submissions("creatomate", refused.get("video").get("id").asText())).isZero();
    }

    @Test
    void aSongWhoseCallbackFailedAtSunoIsFoundByPollingWithItsAudioAndCompletes() {
        TestSimulators.post("/sim/suno/script", "{\"outcomes\":[{\"finalStatus\":\"CALLBACK_EXCEPTION\"}]}");

        JsonNode task = castad.endedPipeline("Callback Trouble Cafe", 1, Duration.ofSeconds(90));

        assertThat(task.get("song").get("status").asText()).isEqualTo("completed");
        assertThat(task.get("pipeline").get("status").asText()).isEqualTo("completed");
        assertThat(TestSimulators.submissions("suno", task.get("song").get("id").asText())).isEqualTo(1);
    }

    @Test
    void aSongSunoRefundedIsSubmittedOnceMoreAndPaidOnce() {
        long refundedBefore = TestSimulators.stats().get("suno").path("refunded").asLong();
        TestSimulators.post("/sim/suno/script", "{\"outcomes\":[{\"finalStatus\":\"REFUNDED\"}]}");

        JsonNode task = castad.endedPipeline("Refunded Song Diner", 1, Duration.ofSeconds(90));

        assertThat(task.get("song").get("status").asText()).isEqualTo("completed");
        assertThat(task.get("pipeline").get("status").asText()).isEqualTo("completed");
        assertThat(TestSimulators.submissions("suno", task.get("song").get("id").asText()))
                .as("the refunded submission and the new one").isEqualTo(2);
        assertThat(TestSimulators.stats().get("suno").path("refunded").asLong() - refundedBefore)
                .as("one of them refunded: paid once").isEqualTo(1);
    }
}
