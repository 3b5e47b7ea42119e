package castad.gateway.stage;

import castad.common.blob.BlobStore;
import castad.common.event.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads song and video attempts as clients see them, with signed download URLs. */
@Component
public class StageViews {

    private final JdbcClient jdbc;
    private final BlobStore blobs;

    StageViews(JdbcClient jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    public Optional<StageView> latest(Stage stage, long projectId) {
        return jdbc.sql("SELECT id, status, external_id, result_container, result_blob_name, duration_seconds, error_code,"
                        + " error_message, created_at, updated_at, started_at, completed_at FROM "
                        + StageRows.table(stage) + " WHERE project_id = ? ORDER BY id DESC LIMIT 1")
                .param(projectId).query(this::view).optional();
    }

    public StageView byId(Stage stage, long id) {
        return jdbc.sql("SELECT id, status, external_id, result_container, result_blob_name, duration_seconds, error_code,"
                        + " error_message, created_at, updated_at, started_at, completed_at FROM "
                        + StageRows.table(stage) + " WHERE id = ?")
                .param(id).query(this::view).single();
    }

    /** A signed URL for a stored result, or null while there is none. */
    public String readUrl(String container, String blobName) {
        return container == null || blobName == null ? null : blobs.readUrl(container, blobName);
    }

    private StageView view(ResultSet rs, int rowNum) throws SQLException {
        return new StageView(rs.getLong("id"), rs.getString("status"), rs.getString("external_id"),
                readUrl(rs.getString("result_container"), rs.getString("result_blob_name")),
                rs.getBigDecimal("duration_seconds"), rs.getString("error_code"), rs.getString("error_message"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("completed_at")));
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
