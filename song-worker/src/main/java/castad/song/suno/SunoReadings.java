package castad.song.suno;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Reads Suno's task states, from record-info and from callbacks, into {@link SunoProgress}. */
public final class SunoReadings {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Set<String> TERMINAL_FAILURES =
            Set.of("CREATE_TASK_FAILED", "GENERATE_AUDIO_FAILED", "SENSITIVE_WORD_ERROR");
    /** Suno's code for a failure whose credits it refunded: submit again. */
    private static final String REFUNDED = "531";
    /** Suno's error while calling back: the audio may well exist, and then the song is done. */
    private static final String CALLBACK_EXCEPTION = "CALLBACK_EXCEPTION";

    private SunoReadings() {
    }

    static SunoProgress of(SunoWire.RecordInfo info) {
        if (info == null || info.status() == null) {
            return SunoProgress.working();
        }
        if (CALLBACK_EXCEPTION.equals(info.status())) {
            SunoProgress audio = info.response() == null ? SunoProgress.working() : firstPlayable(info.response().sunoData());
            return audio.state() == SunoProgress.State.READY ? audio : SunoProgress.failed("SUNO_CALLBACK_EXCEPTION",
                    "Suno ended the task with CALLBACK_EXCEPTION and no audio"
                            + (info.errorMessage() == null ? "" : ": " + info.errorMessage()));
        }
        if (TERMINAL_FAILURES.contains(info.status()) && REFUNDED.equals(info.errorCode())) {
            return SunoProgress.refunded(info.taskId(), "SUNO_CALLBACK_531", "Suno ended the task with "
                    + info.status() + " and refunded it (531): " + info.errorMessage());
        }
        if (TERMINAL_FAILURES.contains(info.status())) {
            return SunoProgress.failed("SUNO_" + info.status(), "Suno ended the task with " + info.status()
                    + (info.errorMessage() == null ? "" : ": " + info.errorMessage()));
        }
        if ("SUCCESS".equals(info.status()) && info.response() != null) {
            return firstPlayable(info.response().sunoData());
        }
        return SunoProgress.working();
    }

    /** A callback body as Suno posts it; {@code text} and {@code first} are progress only. */
    public static SunoProgress ofCallback(String body) {
        SunoWire.Callback callback;
        try {
            callback = JSON.readValue(body, SunoWire.Callback.class);
        } catch (IOException e) {
            return SunoProgress.working(); // unreadable: polling still finds out
        }
        int code = callback.code() == null ? 200 : callback.code();
        String type = callback.data() == null ? null : callback.data().callbackType();
        if (code == Integer.parseInt(REFUNDED) && callback.data() != null && callback.data().taskId() != null) {
            return SunoProgress.refunded(callback.data().taskId(), "SUNO_CALLBACK_531",
                    "Suno reported a failure and refunded it (531): " + callback.msg());
        }
        if (code != 200 || "error".equals(type)) {
            return SunoProgress.failed("SUNO_CALLBACK_" + code, "Suno reported a failure (" + code + "): "
                    + callback.msg());
        }
        if (!"complete".equals(type)) {
            return SunoProgress.working();
        }
        List<SunoWire.CallbackTrack> tracks = callback.data().data();
        return tracks == null ? SunoProgress.working() : tracks.stream()
                .filter(t -> t.audioUrl() != null && !t.audioUrl().isBlank())
                .findFirst()
                .map(t -> SunoProgress.ready(t.audioUrl(), t.duration()))
                .orElse(SunoProgress.working());
    }

    private static SunoProgress firstPlayable(List<SunoWire.Track> tracks) {
        return tracks == null ? SunoProgress.working() : tracks.stream()
                .filter(t -> t.audioUrl() != null && !t.audioUrl().isBlank())
                .findFirst()
                .map(t -> SunoProgress.ready(t.audioUrl(), t.duration()))
                .orElse(SunoProgress.working());
    }
}
