package castad.song.suno;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SunoReadingsTest {

    @Test
    void aCompleteCallbackGivesTheFirstPlayableAudioAndItsDuration() {
        SunoProgress progress = SunoReadings.ofCallback("""
                {"code":200,"msg":"All generated successfully.","data":{"callbackType":"complete","task_id":"t",
                 "data":[{"id":"a","audio_url":"","duration":null},{"id":"b","audio_url":"https://cdn/b.mp3","duration":198.44}]}}""");

        assertThat(progress.state()).isEqualTo(SunoProgress.State.READY);
        assertThat(progress.audioUrl()).isEqualTo("https://cdn/b.mp3");
        assertThat(progress.durationSeconds()).isEqualByComparingTo("198.44");
    }

    @Test
    void textAndFirstCallbacksAreProgressOnlyAndUnreadableOnesAreLeftToPolling() {
        assertThat(SunoReadings.ofCallback("{\"code\":200,\"data\":{\"callbackType\":\"text\",\"data\":[]}}").state())
                .isEqualTo(SunoProgress.State.WORKING);
        assertThat(SunoReadings.ofCallback("{\"code\":200,\"data\":{\"callbackType\":\"first\"}}").state())
                .isEqualTo(SunoProgress.State.WORKING);
        assertThat(SunoReadings.ofCallback("not json").state()).isEqualTo(SunoProgress.State.WORKING);
    }

    @Test
    void failureCallbacksFailWithTheirCode() {
        for (int code : List.of(400, 408, 413, 500, 501, 531)) {
            SunoProgress progress = SunoReadings.ofCallback("{\"code\":" + code
                    + ",\"msg\":\"nope\",\"data\":{\"callbackType\":\"error\",\"data\":[]}}");
            assertThat(progress.state()).isEqualTo(SunoProgress.State.FAILED);
            assertThat(progress.errorCode()).isEqualTo("SUNO_CALLBACK_" + code);
        }
    }

    @Test
    void recordInfoIsReadyOnlyOnSuccessAndTerminalStatusesFail() {
        var track = new SunoWire.Track("x", "https://cdn/x.mp3", BigDecimal.TEN);
        assertThat(SunoReadings.of(info("FIRST_SUCCESS", track)).state()).isEqualTo(SunoProgress.State.WORKING);
        assertThat(SunoReadings.of(info("SUCCESS", track)).audioUrl()).isEqualTo("https://cdn/x.mp3");
        for (String status : List.of("CREATE_TASK_FAILED", "GENERATE_AUDIO_FAILED", "CALLBACK_EXCEPTION",
                "SENSITIVE_WORD_ERROR")) {
            assertThat(SunoReadings.of(info(status, null)).errorCode()).isEqualTo("SUNO_" + status);
        }
    }

    @Test
    void aCallbackExceptionWithAudioIsAFinishedSongAndWithoutAudioAFailure() {
        var track = new SunoWire.Track("x", "https://cdn/x.mp3", BigDecimal.TEN);

        assertThat(SunoReadings.of(info("CALLBACK_EXCEPTION", track)).audioUrl()).isEqualTo("https://cdn/x.mp3");
        assertThat(SunoReadings.of(info("CALLBACK_EXCEPTION", null)).errorCode()).isEqualTo("SUNO_CALLBACK_EXCEPTION");
    }

    @Test
    void aFailureSunoRefundedAsksForANewSubmissionOfThatTask() {
        var refundedCallback = SunoReadings.ofCallback("""
                {"code": 531, "msg": "credits refunded", "data": {"callbackType": "error", "task_id": "s-1", "data": []}}""");
        var refundedRecord = SunoReadings.of(new SunoWire.RecordInfo("s-2", "GENERATE_AUDIO_FAILED", null, "531",
                "refunded"));

        assertThat(refundedCallback.state()).isEqualTo(SunoProgress.State.REFUNDED);
        assertThat(refundedCallback.sunoTaskId()).isEqualTo("s-1");
        assertThat(refundedRecord.state()).isEqualTo(SunoProgress.State.REFUNDED);
        assertThat(refundedRecord.sunoTaskId()).isEqualTo("s-2");
        assertThat(SunoReadings.ofCallback("""
                {"code": 501, "msg": "failed", "data": {"callbackType": "error", "task_id": "s-3", "data": []}}""")
                .state()).isEqualTo(SunoProgress.State.FAILED);
    }

    @Test
    void bodyCodesMapToFinalOrPassingFailures() {
        assertThat(SunoErrors.of(429, "credits").retryable()).isFalse();
        assertThat(SunoErrors.of(429, "credits").errorCode()).isEqualTo("SUNO_INSUFFICIENT_CREDITS");
        assertThat(SunoErrors.of(401, null).retryable()).isFalse();
        assertThat(SunoErrors.of(430, null).retryable()).isTrue();
        assertThat(SunoErrors.of(455, null).retryable()).isTrue();
        assertThat(SunoErrors.of(503, null).retryable()).isTrue();
    }

    private static SunoWire.RecordInfo info(String status, SunoWire.Track track) {
        return new SunoWire.RecordInfo("t", status, new SunoWire.Response(track == null ? List.of() : List.of(track)),
                null, null);
    }
}
