package castad.gateway.stage;

import castad.common.event.SongRequested;
import castad.common.event.Stage;
import castad.common.event.StageQueued;
import castad.common.event.VideoRequested;
import castad.common.outbox.Outbox;
import castad.gateway.image.ImageRepository;
import castad.gateway.project.Project;
import castad.gateway.project.Projects;
import castad.gateway.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts one song or video attempt on its own (the original API's step by step use). Under the project's
 * row lock: refuse while one runs or while its input is missing, then write the pending row and its
 * command in one transaction.
 */
@Service
public class StartingStages {

    private final Projects projects;
    private final StageRows rows;
    private final ImageRepository images;
    private final Outbox outbox;
    private final StageDefaults defaults;

    StartingStages(Projects projects, StageRows rows, ImageRepository images, Outbox outbox, StageDefaults defaults) {
        this.projects = projects;
        this.rows = rows;
        this.images = images;
        this.outbox = outbox;
        this.defaults = defaults;
    }

    @Transactional
    public long song(Caller caller, String taskId, SongOptions options) {
        Project project = lockIdle(caller, taskId, Stage.SONG);
        long lyricId = rows.latestCompleted(Stage.LYRIC, project.id())
                .orElseThrow(() -> new StageNotReady("A song needs completed lyrics: request lyrics first"));
        long songId = rows.insertSong(project.id(), lyricId, null, defaults.style(options.style()),
                defaults.title(options.title(), project));
        outbox.append(new SongRequested(taskId, songId));
        outbox.append(new StageQueued(taskId, Stage.SONG, songId));
        return songId;
    }

    @Transactional
    public long video(Caller caller, String taskId, VideoOptions options) {
        Project project = lockIdle(caller, taskId, Stage.VIDEO);
        long songId = rows.latestCompleted(Stage.SONG, project.id())
                .orElseThrow(() -> new StageNotReady("A video needs a completed song: request a song first"));
        if (images.lastOrder(project.id()) == 0) {
            throw new StageNotReady("A video needs at least one photo: upload images first");
        }
        long videoId = rows.insertVideo(project.id(), songId, null, defaults.templateId(options.templateId()));
        outbox.append(new VideoRequested(taskId, videoId));
        outbox.append(new StageQueued(taskId, Stage.VIDEO, videoId));
        return videoId;
    }

    private Project lockIdle(Caller caller, String taskId, Stage stage) {
        Project project = projects.lock(caller, taskId);
        if (rows.isRunning(stage, project.id())) {
            throw new StageAlreadyRunning(stage.name().toLowerCase(java.util.Locale.ROOT), taskId);
        }
        return project;
    }
}
