package castad.common.db;

import castad.testsupport.TestInfrastructure;

/** The migrations on MariaDB, as castad's local stack and tests run it. */
class MariaDbMigrationsIT extends MigrationsContract {

    @Override
    String serverUrl() {
        String url = TestInfrastructure.jdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1);
    }

    @Override
    String user() {
        return "root";
    }

    @Override
    String password() {
        return "";
    }
}
