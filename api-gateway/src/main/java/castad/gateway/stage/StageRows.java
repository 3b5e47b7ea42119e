package castad.gateway.stage;

import castad.common.event.Stage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The gateway's SQL on stage rows: is one running, which is the latest completed, create a pending one. */
@Component
public class StageRows {

    private final JdbcClient jdbc;
    private final Clock clock;

    StageRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isRunning(Stage stage, long projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table(stage)
                        + " WHERE project_id = ? AND status IN ('pending', 'processing')")
                .param(projectId).query(Long.class).single() > 0;
    }

    public Optional<Long> latestCompleted(Stage stage, long projectId) {
        return jdbc.sql("SELECT MAX(id) FROM " + table(stage) + " WHERE project_id = ? AND status = 'completed'")
                .param(projectId).query(Long.class).optional();
    }

    public long insertSong(long projectId, long lyricId, Long pipelineId, String style, String title) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO song (project_id, lyric_id, pipeline_id, status, style, title, created_at, updated_at)
                VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)""")
                .params(projectId, lyricId, pipelineId, style, title, now(), now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public long insertVideo(long projectId, long songId, Long pipelineId, String templateId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO video (project_id, song_id, pipeline_id, status, template_id, created_at, updated_at)
                VALUES (?, ?, ?, 'pending', ?, ?, ?)""")
                .params(projectId, songId, pipelineId, templateId, now(), now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private Instant now() {
        return clock.instant();
    }

    static String table(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
