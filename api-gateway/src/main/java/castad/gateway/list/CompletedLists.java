package castad.gateway.list;

import castad.common.event.Stage;
import castad.gateway.security.Caller;
import castad.gateway.stage.StageViews;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest completed song or video per task of the caller (an admin: of every caller), newest first: two
 * queries (the page, the total) whatever the page size. The original had N+1 queries here for songs.
 */
@Service
public class CompletedLists {

    private final JdbcClient jdbc;
    private final StageViews views;

    CompletedLists(JdbcClient jdbc, StageViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @Transactional(readOnly = true)
    public ListPage page(Caller caller, Stage stage, int page, int size) {
        String table = stage.name().toLowerCase(Locale.ROOT);
        // an admin reads every task's; anyone else's latest completed rows are found among their projects only
        String latest = caller.admin()
                ? "SELECT MAX(id) FROM " + table + " WHERE status = 'completed' GROUP BY project_id"
                : "SELECT MAX(x.id) FROM " + table + " x JOIN project o ON o.id = x.project_id"
                        + " WHERE x.status = 'completed' AND o.owner = :owner GROUP BY x.project_id";
        List<CompletedItem> items = jdbc.sql("SELECT p.task_id, p.store_name, p.region, s.id, s.result_container,"
                        + " s.result_blob_name, s.duration_seconds, s.completed_at FROM " + table + " s"
                        + " JOIN project p ON p.id = s.project_id"
                        + " WHERE s.id IN (" + latest + ")"
                        + " ORDER BY s.completed_at DESC, s.id DESC LIMIT :limit OFFSET :offset")
                .params(parameters(caller, size, (long) page * size))
                .query((rs, n) -> new CompletedItem(rs.getString("task_id"), rs.getString("store_name"),
                        rs.getString("region"), rs.getLong("id"),
                        views.readUrl(rs.getString("result_container"), rs.getString("result_blob_name")),
                        rs.getBigDecimal("duration_seconds"), StageViews.instant(rs.getTimestamp("completed_at"))))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + latest + ") latest")
                .params(parameters(caller, size, 0))
                .query(Long.class).single();
        return new ListPage(items, page, size, total);
    }

    private static Map<String, Object> parameters(Caller caller, int limit, long offset) {
        return Map.of("owner", caller.name(), "limit", limit, "offset", offset);
    }
}
