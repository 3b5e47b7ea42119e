package castad.song;

import castad.common.event.SongRequested;
import castad.common.event.Stage;
import castad.common.stage.NextStages;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The song-only SQL: what a submission is made of, and the song that follows a pipeline's lyrics. */
@Repository
class SongStore {

    private final JdbcClient jdbc;
    private final NextStages nextStages;

    SongStore(JdbcClient jdbc, NextStages nextStages) {
        this.jdbc = jdbc;
        this.nextStages = nextStages;
    }

    /** What Suno is asked to sing, read in the claim's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SongInput input(long songId) {
        return jdbc.sql("""
                SELECT l.lyric_text, s.style, s.title, p.store_name FROM song s
                JOIN lyric l ON l.id = s.lyric_id JOIN project p ON p.id = s.project_id WHERE s.id = ?""")
                .param(songId)
                .query((rs, n) -> new SongInput(rs.getString("lyric_text"), rs.getString("style"),
                        rs.getString("title") == null ? rs.getString("store_name") : rs.getString("title")))
                .single();
    }

    /**
     * A pipeline's lyrics are done: start its song, once: the pending row, and in the same transaction
     * {@link SongRequested} (which {@link SingingSongs} takes) and {@code StageQueued} through the outbox. The
     * unique pipeline id on {@code song} makes a redelivered completion a no-op.
     */
    @Transactional
    public Optional<Long> startAfterLyric(String taskId, long lyricId) {
        return nextStages.start(taskId, Stage.SONG, """
                INSERT INTO song (project_id, lyric_id, pipeline_id, status, style, title, created_at, updated_at)
                SELECT l.project_id, l.id, l.pipeline_id, 'pending', pl.style, pl.title, ?, ?
                FROM lyric l JOIN pipeline pl ON pl.id = l.pipeline_id
                WHERE l.id = ? AND l.status = 'completed' AND pl.status = 'running'""",
                lyricId, songId -> new SongRequested(taskId, songId));
    }

    record SongInput(String lyrics, String style, String title) {
    }
}
