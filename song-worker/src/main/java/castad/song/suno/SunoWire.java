package castad.song.suno;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Suno's wire shapes: camelCase in generate and record-info, snake_case in callbacks. */
final class SunoWire {

    private SunoWire() {
    }

    record GenerateRequest(boolean customMode, boolean instrumental, String model, String callBackUrl, String prompt,
                           String style, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope<T>(Integer code, String msg, T data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Submitted(String taskId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RecordInfo(String taskId, String status, Response response, String errorCode, String errorMessage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(List<Track> sunoData) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Track(String id, String audioUrl, BigDecimal duration) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Callback(Integer code, String msg, CallbackData data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackData(String callbackType, @JsonProperty("task_id") String taskId, List<CallbackTrack> data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackTrack(String id, @JsonProperty("audio_url") String audioUrl, BigDecimal duration) {
    }
}
