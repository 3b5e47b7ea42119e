package castad.common.event;

import java.util.Objects;

/** Suno's callback for one song attempt (callBackUrl carried ref=<songId>). */
public record SunoCallback(String taskId, long songId, String body) implements ProviderCallback {

    public SunoCallback {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public long stageId() {
        return songId;
    }
}
