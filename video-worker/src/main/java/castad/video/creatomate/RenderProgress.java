package castad.video.creatomate;

import java.math.BigDecimal;

/** Where a render stands. Only {@code succeeded} and {@code failed} are final (not {@code waiting}). */
public record RenderProgress(State state, String url, BigDecimal durationSeconds, String errorMessage) {

    public enum State { WORKING, SUCCEEDED, FAILED }

    static RenderProgress of(CreatomateWire.Render render) {
        if (render == null || render.status() == null) {
            return new RenderProgress(State.WORKING, null, null, null);
        }
        return switch (render.status()) {
            case "succeeded" -> new RenderProgress(State.SUCCEEDED, render.url(), render.duration(), null);
            case "failed" -> new RenderProgress(State.FAILED, null, null,
                    render.errorMessage() == null ? "Creatomate could not render the video" : render.errorMessage());
            default -> new RenderProgress(State.WORKING, null, null, null);
        };
    }
}
