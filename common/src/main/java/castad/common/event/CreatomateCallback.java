package castad.common.event;

import java.util.Objects;

/** Creatomate's webhook for one video attempt (the render's metadata is our video id). */
public record CreatomateCallback(String taskId, long videoId, String body) implements ProviderCallback {

    public CreatomateCallback {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public long stageId() {
        return videoId;
    }
}
