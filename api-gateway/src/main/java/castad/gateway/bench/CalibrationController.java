package castad.gateway.bench;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calibration endpoints for {@code ./castad bench w3}, only in the {@code bench} profile: what this gateway
 * answers when it does nothing ({@code hello}) and when it reads one row by primary key ({@code pkread}).
 * The task view is measured against them, in the same process, on the same machine, in the same run.
 */
@RestController
@Profile("bench")
class CalibrationController {

    private final JdbcClient jdbc;

    CalibrationController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/bench/hello", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> hello() {
        return Map.of("hello", "castad");
    }

    /** The primary keys {@code pkread} is given, and the task ids the task view is read with. */
    @GetMapping(path = "/bench/projects", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> projects() {
        return jdbc.sql("SELECT id, task_id FROM project ORDER BY id DESC LIMIT 1000").query().listOfRows();
    }

    @GetMapping(path = "/bench/pkread/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> pkread(@PathVariable long id) {
        return jdbc.sql("SELECT id, task_id, store_name FROM project WHERE id = ?").param(id).query().singleRow();
    }
}
