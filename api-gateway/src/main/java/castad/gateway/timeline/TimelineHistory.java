package castad.gateway.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What already happened to a task, in the order it was recorded (written with each event's outbox row). */
@Component
class TimelineHistory {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ReadableResults results;

    TimelineHistory(JdbcClient jdbc, ReadableResults results) {
        this.jdbc = jdbc;
        this.results = results;
    }

    List<TimelineEntry> of(String taskId) {
        return jdbc.sql("""
                SELECT event_id, event_type, occurred_at, payload FROM timeline_event
                WHERE task_id = ? ORDER BY id""")
                .param(taskId)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** The history of each of these tasks (those that have one), in batches of a few hundred per query. */
    Map<String, List<TimelineEntry>> ofAll(Collection<String> taskIds) {
        Map<String, List<TimelineEntry>> byTask = new HashMap<>();
        List<String> all = List.copyOf(taskIds);
        for (int from = 0; from < all.size(); from += BATCH) {
            jdbc.sql("""
                    SELECT task_id, event_id, event_type, occurred_at, payload FROM timeline_event
                    WHERE task_id IN (:tasks) ORDER BY id""")
                    .param("tasks", all.subList(from, Math.min(all.size(), from + BATCH)))
                    .query((ResultSet rs) -> {
                        byTask.computeIfAbsent(rs.getString("task_id"), task -> new ArrayList<>()).add(entry(rs));
                    });
        }
        return byTask;
    }

    private TimelineEntry entry(ResultSet rs) throws SQLException {
        return results.of(new TimelineEntry(rs.getString("event_id"), rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant().toString(), rs.getString("payload")));
    }
}
