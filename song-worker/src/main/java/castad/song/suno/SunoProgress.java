package castad.song.suno;

import java.math.BigDecimal;

/**
 * Where a Suno task stands, whether told by a callback or by record-info: still working, done with a
 * downloadable audio file, failed for good with a code for the stage, or failed with the credits refunded and
 * a new submission asked for ({@code REFUNDED}, Suno's 531; {@code sunoTaskId} says which submission).
 */
public record SunoProgress(State state, String audioUrl, BigDecimal durationSeconds, String errorCode,
                           String errorMessage, String sunoTaskId) {

    public enum State { WORKING, READY, FAILED, REFUNDED }

    static SunoProgress working() {
        return new SunoProgress(State.WORKING, null, null, null, null, null);
    }

    static SunoProgress ready(String audioUrl, BigDecimal durationSeconds) {
        return new SunoProgress(State.READY, audioUrl, durationSeconds, null, null, null);
    }

    static SunoProgress failed(String errorCode, String errorMessage) {
        return new SunoProgress(State.FAILED, null, null, errorCode, errorMessage, null);
    }

    static SunoProgress refunded(String sunoTaskId, String errorCode, String errorMessage) {
        return new SunoProgress(State.REFUNDED, null, null, errorCode, errorMessage, sunoTaskId);
    }
}
