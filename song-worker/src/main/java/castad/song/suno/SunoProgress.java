package castad.song.suno;

import java.math.BigDecimal;

/**
 * Where a Suno task stands, whether told by a callback or by record-info: still working, done with a
 * downloadable audio file, or failed for good with a code for the stage.
 */
public record SunoProgress(State state, String audioUrl, BigDecimal durationSeconds, String errorCode,
                           String errorMessage) {

    public enum State { WORKING, READY, FAILED }

    static SunoProgress working() {
        return new SunoProgress(State.WORKING, null, null, null, null);
    }

    static SunoProgress ready(String audioUrl, BigDecimal durationSeconds) {
        return new SunoProgress(State.READY, audioUrl, durationSeconds, null, null);
    }

    static SunoProgress failed(String errorCode, String errorMessage) {
        return new SunoProgress(State.FAILED, null, null, errorCode, errorMessage);
    }
}
