package castad.gateway.pipeline;

import castad.common.event.LyricRequested;
import castad.common.event.PipelineStarted;
import castad.common.event.Stage;
import castad.common.event.StageQueued;
import castad.common.outbox.Outbox;
import castad.gateway.lyric.Lyric;
import castad.gateway.lyric.LyricRepository;
import castad.gateway.project.Project;
import castad.gateway.project.Projects;
import castad.gateway.security.Caller;
import castad.gateway.stage.StageAlreadyRunning;
import castad.gateway.stage.StageDefaults;
import castad.gateway.stage.StageNotReady;
import castad.gateway.stage.StageViews;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final StageDefaults defaults;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    PipelineRuns(Projects projects, LyricRepository lyrics, StageDefaults defaults, JdbcClient jdbc, Outbox outbox,
                 Clock clock) {
        this.projects = projects;
        this.lyrics = lyrics;
        this.defaults = defaults;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public long start(Caller caller, String taskId, PipelineOptions options) {
        Project project = projects.lock(caller, taskId);
        refuseWhileBusyOrWithoutPhotos(project, taskId);
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

    /** A run or a stage in progress, or no photos yet: read in one statement, under the project's lock. */
    private void refuseWhileBusyOrWithoutPhotos(Project project, String taskId) {
        long id = project.id();
        var state = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM pipeline WHERE project_id = ? AND status = 'running') AS pipeline,
                       EXISTS (SELECT 1 FROM lyric WHERE project_id = ? AND status IN ('pending', 'processing')) AS lyric,
                       EXISTS (SELECT 1 FROM song WHERE project_id = ? AND status IN ('pending', 'processing')) AS song,
                       EXISTS (SELECT 1 FROM video WHERE project_id = ? AND status IN ('pending', 'processing')) AS video,
                       EXISTS (SELECT 1 FROM image WHERE project_id = ?) AS photos""")
                .params(id, id, id, id, id).query().singleRow();
        for (String running : List.of("pipeline", "lyric", "song", "video")) {
            if (((Number) state.get(running)).intValue() == 1) {
                throw new StageAlreadyRunning(running, taskId);
            }
        }
        if (((Number) state.get("photos")).intValue() == 0) {
            throw new StageNotReady("A pipeline ends in a video, which needs photos: upload images first");
        }
    }

    private long insert(Project project, PipelineOptions options) {
        var keys = new GeneratedKeyHolder();
        Instant now = clock.instant();
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
