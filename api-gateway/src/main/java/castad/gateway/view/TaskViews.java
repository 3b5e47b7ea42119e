package castad.gateway.view;

import castad.common.blob.BlobStore;
import castad.common.event.Stage;
import castad.gateway.image.ImageRepository;
import castad.gateway.image.ImageView;
import castad.gateway.lyric.LyricRepository;
import castad.gateway.lyric.LyricView;
import castad.gateway.pipeline.PipelineRuns;
import castad.gateway.project.Project;
import castad.gateway.project.ProjectView;
import castad.gateway.project.Projects;
import castad.gateway.stage.StageViews;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a task view with a fixed number of queries, in one read-only transaction (one consistent snapshot). */
@Service
public class TaskViews {

    private final Projects projects;
    private final ImageRepository images;
    private final LyricRepository lyrics;
    private final StageViews stages;
    private final PipelineRuns pipelines;
    private final BlobStore blobs;

    TaskViews(Projects projects, ImageRepository images, LyricRepository lyrics, StageViews stages,
              PipelineRuns pipelines, BlobStore blobs) {
        this.projects = projects;
        this.images = images;
        this.lyrics = lyrics;
        this.stages = stages;
        this.pipelines = pipelines;
        this.blobs = blobs;
    }

    @Transactional(readOnly = true)
    public TaskView get(String taskId) {
        Project project = projects.get(taskId);
        List<ImageView> photos = images.findByProjectIdOrderBySortOrder(project.id()).stream()
                .map(image -> ImageView.of(image, blobs)).toList();
        LyricView lyric = lyrics.findFirstByProjectIdOrderByIdDesc(project.id()).map(LyricView::of).orElse(null);
        return new TaskView(ProjectView.of(project), photos, lyric,
                stages.latest(Stage.SONG, project.id()).orElse(null),
                stages.latest(Stage.VIDEO, project.id()).orElse(null),
                pipelines.latest(project.id()).orElse(null));
    }
}
