package castad.common.stage;

import java.time.Duration;

/** How a {@link StagePoller} sweeps a waiting stage's rows (each worker's settings, {@code castad.song.*}...). */
public interface PollSettings {

    /** Attempts claimed (or driven, or failed) per tick and per kind. */
    int pollBatch();

    /** Between polls of one attempt. */
    Duration pollInterval();

    /** How often the poller ticks. */
    Duration pollerTick();

    /** A row still {@code pending} this long after its last change is driven by the poller. */
    Duration stalePending();

    /** An attempt still unfinished this long after it was claimed fails with {@code STAGE_TIMEOUT}. */
    Duration deadline();
}
