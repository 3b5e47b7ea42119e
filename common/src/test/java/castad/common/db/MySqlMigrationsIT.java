package castad.common.db;

import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The migrations on MySQL 8, production's database; needs Docker (its twin without: MariaDbMigrationsIT). */
@Testcontainers(disabledWithoutDocker = true)
class MySqlMigrationsIT extends MigrationsContract {

    @Container
    static final MySQLContainer<?> MYSQL = new MySQLContainer<>("mysql:8.4").withUsername("root").withPassword("castad");

    @Override
    String serverUrl() {
        return "jdbc:mysql://" + MYSQL.getHost() + ":" + MYSQL.getMappedPort(MySQLContainer.MYSQL_PORT) + "/";
    }

    @Override
    String user() {
        return "root";
    }

    @Override
    String password() {
        return MYSQL.getPassword();
    }
}
