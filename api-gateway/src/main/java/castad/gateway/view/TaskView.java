package castad.gateway.view;

import castad.gateway.image.ImageView;
import castad.gateway.lyric.LyricView;
import castad.gateway.pipeline.PipelineView;
import castad.gateway.project.ProjectView;
import castad.gateway.stage.StageView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * Everything about one task: the project, its photos, the latest attempt of each stage and the latest
 * pipeline (each null until there is one).
 */
public record TaskView(@JsonUnwrapped ProjectView project, List<ImageView> images, LyricView lyric,
                       StageView song, StageView video, PipelineView pipeline) {
}
