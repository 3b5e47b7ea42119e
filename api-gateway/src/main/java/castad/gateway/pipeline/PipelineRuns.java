package castad.gateway.pipeline;

import castad.common.event.LyricRequested;
import castad.common.event.PipelineStarted;
import castad.common.event.Stage;
import castad.common.event.StageQueued;
import castad.common.outbox.Outbox;
import castad.gateway.image.ImageRepository;
import castad.gateway.lyric.Lyric;
import castad.gateway.lyric.LyricRepository;
import castad.gateway.project.Project;
import castad.gateway.project.Projects;
import castad.gateway.security.Caller;
import castad.gateway.stage.StageAlreadyRunning;
import castad.gateway.stage.StageDefaults;
import castad.gateway.stage.StageNotReady;
import castad.gateway.stage.StageRows;
import castad.gateway.stage.StageViews;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A whole run, lyric -> song -> video, started with one call: this writes the pipeline and its lyric
 * attempt; each worker that owns the next stage starts it when the stage before completes.
 */
@Service
public class PipelineRuns {

    private final Projects projects;
    private final LyricRepository lyrics;
    private final ImageRepository images;
    private final StageRows stages;
    private final StageDefaults defaults;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    PipelineRuns(Projects projects, LyricRepository lyrics, ImageRepository images, StageRows stages,
              StageDefaults defaults, JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.projects = projects;
        this.lyrics = lyrics;
        this.images = images;
        this.stages = stages;
        this.defaults = defaults;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public long start(Caller caller, String taskId, PipelineOptions options) {
        Project project = projects.lock(caller, taskId);
        refuseWhileBusy(project, taskId);
        if (images.lastOrder(project.id()) == 0) {
            throw new StageNotReady("A pipeline ends in a video, which needs photos: upload images first");
        }
        long pipelineId = insert(project, options);
        Lyric lyric = lyrics.save(Lyric.pending(project.id(), pipelineId, blankToNull(options.prompt()),
                clock.instant()));
        outbox.append(new PipelineStarted(taskId, pipelineId, Stage.LYRIC, lyric.id()));
        outbox.append(new LyricRequested(taskId, lyric.id()));
        outbox.append(new StageQueued(taskId, Stage.LYRIC, lyric.id()));
        return pipelineId;
    }

    public Optional<PipelineView> latest(long projectId) {
        return jdbc.sql("""
                SELECT id, status, error_code, error_message, created_at, updated_at, completed_at
                FROM pipeline WHERE project_id = ? ORDER BY id DESC LIMIT 1""")
                .param(projectId)
                .query((rs, n) -> new PipelineView(rs.getLong("id"), rs.getString("status"),
                        rs.getString("error_code"), rs.getString("error_message"),
                        StageViews.instant(rs.getTimestamp("created_at")),
                        StageViews.instant(rs.getTimestamp("updated_at")),
                        StageViews.instant(rs.getTimestamp("completed_at"))))
                .optional();
    }

    private void refuseWhileBusy(Project project, String taskId) {
        boolean pipelineRunning = jdbc.sql("SELECT COUNT(*) FROM pipeline WHERE project_id = ? AND status = 'running'")
                .param(project.id()).query(Long.class).single() > 0;
        if (pipelineRunning) {
            throw new StageAlreadyRunning("pipeline", taskId);
        }
        for (Stage stage : EnumSet.allOf(Stage.class)) {
            if (stages.isRunning(stage, project.id())) {
                throw new StageAlreadyRunning(stage.name().toLowerCase(java.util.Locale.ROOT), taskId);
            }
        }
    }

    private long insert(Project project, PipelineOptions options) {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO pipeline (project_id, status, style, title, template_id, created_at, updated_at)
                VALUES (?, 'running', ?, ?, ?, ?, ?)""")
                .params(project.id(), defaults.style(options.style()), defaults.title(options.title(), project),
                        defaults.templateId(options.templateId()), now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
