package castad.gateway.view;

import castad.gateway.image.ImageView;
import castad.gateway.lyric.LyricView;
import castad.gateway.project.ProjectView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** Everything about one task: the project, its photos, and the latest attempt of each stage (or null). */
public record TaskView(@JsonUnwrapped ProjectView project, List<ImageView> images, LyricView lyric,
                       StageView song, StageView video) {
}
