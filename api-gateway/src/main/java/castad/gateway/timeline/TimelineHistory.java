package castad.gateway.timeline;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What already happened to a task, in the order it was recorded (written with each event's outbox row). */
@Component
class TimelineHistory {

    private final JdbcClient jdbc;

    TimelineHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TimelineEntry> of(String taskId) {
        return jdbc.sql("""
                SELECT event_id, event_type, occurred_at, payload FROM timeline_event
                WHERE task_id = ? ORDER BY id""")
                .param(taskId)
                .query((rs, n) -> new TimelineEntry(rs.getString("event_id"), rs.getString("event_type"),
                        rs.getTimestamp("occurred_at").toInstant().toString(), rs.getString("payload")))
                .list();
    }
}
