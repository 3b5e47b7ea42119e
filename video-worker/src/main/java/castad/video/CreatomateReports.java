package castad.video;

import castad.common.stage.WaitingStageStore;
import castad.video.creatomate.RenderProgress;
import org.springframework.stereotype.Component;

/**
 * What Creatomate said of a render, by webhook ({@link VideoEvents}) or by poll (the stage's poller,
 * {@link VideoConfiguration#videoPoller}), applied to its video's row; repeated reports are harmless.
 */
@Component
class CreatomateReports {

    private final WaitingStageStore videoRows;

    CreatomateReports(WaitingStageStore videoRows) {
        this.videoRows = videoRows;
    }

    void apply(String taskId, long videoId, RenderProgress progress) {
        switch (progress.state()) {
            case SUCCEEDED -> videoRows.sourceReady(taskId, videoId, progress.url(), progress.durationSeconds(),
                    "video/mp4", "videos/" + taskId + "/" + videoId + ".mp4");
            case FAILED -> videoRows.fail(taskId, videoId, "CREATOMATE_RENDER_FAILED", progress.errorMessage());
            case WORKING -> { }
        }
    }
}
