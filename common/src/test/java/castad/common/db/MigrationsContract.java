package castad.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * castad's migrations, from nothing, on one database server: every one applies, the schema the services
 * query is there, and a second run has nothing to do. Run on MariaDB (always) and MySQL 8 (with Docker).
 */
abstract class MigrationsContract {

    private static final List<String> TABLES = List.of("project", "image", "lyric", "song", "video",
            "outbox_event", "timeline_event", "idempotency_key");

    /** A JDBC URL of the server without a database, and its user and password. */
    abstract String serverUrl();

    abstract String user();

    abstract String password();

    @Test
    void everyMigrationAppliesToAnEmptyDatabaseAndASecondRunHasNothingToDo() throws Exception {
        String schema = "castad_migrations_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE " + schema);
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(serverUrl() + schema, user(), password())
                    .locations("classpath:db/migration")
                    .load();

            MigrateResult first = flyway.migrate();
            MigrateResult second = flyway.migrate();

            assertThat(first.migrationsExecuted).isEqualTo(migrationFiles());
            assertThat(second.migrationsExecuted).isZero();
            assertThat(tables(schema)).containsAll(TABLES);
        } finally {
            execute("DROP DATABASE " + schema);
        }
    }

    private static int migrationFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(MigrationsContract.class.getResource("/db/migration").toURI()))) {
            return (int) files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    private List<String> tables(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl() + schema, user(), password());
             var rows = connection.getMetaData().getTables(schema, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toLowerCase());
            }
            return names;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
