package castad.gateway.view;

import castad.common.blob.BlobStore;
import castad.gateway.image.ImageRepository;
import castad.gateway.image.ImageView;
import castad.gateway.lyric.LyricRepository;
import castad.gateway.lyric.LyricView;
import castad.gateway.project.Project;
import castad.gateway.project.ProjectView;
import castad.gateway.project.Projects;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a task view with a fixed number of queries, in one read-only transaction (one consistent snapshot). */
@Service
public class TaskViews {

    private final Projects projects;
    private final ImageRepository images;
    private final LyricRepository lyrics;
    private final JdbcClient jdbc;
    private final BlobStore blobs;

    TaskViews(Projects projects, ImageRepository images, LyricRepository lyrics, JdbcClient jdbc, BlobStore blobs) {
        this.projects = projects;
        this.images = images;
        this.lyrics = lyrics;
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    @Transactional(readOnly = true)
    public TaskView get(String taskId) {
        Project project = projects.get(taskId);
        List<ImageView> photos = images.findByProjectIdOrderBySortOrder(project.id()).stream()
                .map(image -> ImageView.of(image, blobs)).toList();
        LyricView lyric = lyrics.findFirstByProjectIdOrderByIdDesc(project.id()).map(LyricView::of).orElse(null);
        return new TaskView(ProjectView.of(project), photos, lyric,
                latestSong(project.id()), latestVideo(project.id()));
    }

    private StageView latestSong(long projectId) {
        return jdbc.sql("""
                SELECT id, status, result_url, duration_seconds, error_code, error_message,
                       created_at, updated_at, started_at, completed_at
                FROM song WHERE project_id = ? ORDER BY id DESC LIMIT 1""")
                .param(projectId).query(TaskViews::stage).optional().orElse(null);
    }

    private StageView latestVideo(long projectId) {
        return jdbc.sql("""
                SELECT id, status, result_url, NULL AS duration_seconds, error_code, error_message,
                       created_at, updated_at, started_at, completed_at
                FROM video WHERE project_id = ? ORDER BY id DESC LIMIT 1""")
                .param(projectId).query(TaskViews::stage).optional().orElse(null);
    }

    private static StageView stage(ResultSet rs, int rowNum) throws SQLException {
        return new StageView(rs.getLong("id"), rs.getString("status"), rs.getString("result_url"),
                rs.getBigDecimal("duration_seconds"), rs.getString("error_code"), rs.getString("error_message"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
