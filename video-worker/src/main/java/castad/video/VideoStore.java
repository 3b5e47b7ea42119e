package castad.video;

import castad.common.event.Stage;
import castad.common.event.VideoRequested;
import castad.common.stage.NextStages;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The video-only SQL: what a render is made of, and the video that follows a pipeline's song. */
@Repository
class VideoStore {

    private final JdbcClient jdbc;
    private final NextStages nextStages;

    VideoStore(JdbcClient jdbc, NextStages nextStages) {
        this.jdbc = jdbc;
        this.nextStages = nextStages;
    }

    /** What Creatomate is asked to render, read in the claim's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public RenderInput input(long videoId, String defaultTemplate) {
        RenderInput base = jdbc.sql("""
                SELECT v.template_id, v.project_id, p.store_name, l.lyric_text, s.result_container, s.result_blob_name
                FROM video v JOIN project p ON p.id = v.project_id JOIN song s ON s.id = v.song_id
                JOIN lyric l ON l.id = s.lyric_id WHERE v.id = ?""")
                .param(videoId)
                .query((rs, n) -> new RenderInput(
                        rs.getString("template_id") == null ? defaultTemplate : rs.getString("template_id"),
                        rs.getString("store_name"), rs.getString("lyric_text"),
                        new RenderInput.Stored(rs.getString("result_container"), rs.getString("result_blob_name")),
                        List.of()))
                .single();
        List<RenderInput.Stored> photos = jdbc.sql("""
                SELECT i.blob_container, i.blob_name FROM image i JOIN video v ON v.project_id = i.project_id
                WHERE v.id = ? ORDER BY i.sort_order""")
                .param(videoId)
                .query((rs, n) -> new RenderInput.Stored(rs.getString("blob_container"), rs.getString("blob_name")))
                .list();
        return new RenderInput(base.templateId(), base.storeName(), base.lyrics(), base.song(), photos);
    }

    /** A pipeline's song is stored: start its video, once (the unique pipeline id on {@code video}). */
    @Transactional
    public Optional<Long> startAfterSong(String taskId, long songId) {
        return nextStages.start(taskId, Stage.VIDEO, """
                INSERT INTO video (project_id, song_id, pipeline_id, status, template_id, created_at, updated_at)
                SELECT s.project_id, s.id, s.pipeline_id, 'pending', pl.template_id, ?, ?
                FROM song s JOIN pipeline pl ON pl.id = s.pipeline_id
                WHERE s.id = ? AND s.status = 'completed' AND pl.status = 'running'""",
                songId, videoId -> new VideoRequested(taskId, videoId));
    }
}
