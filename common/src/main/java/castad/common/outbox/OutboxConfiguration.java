package castad.common.outbox;

import castad.common.tracing.TaskTraces;
import castad.common.metrics.StageMetrics;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox writer, and a relay with a small pool of its own ({@code <service>-outbox}): relaying is
 * background work and never takes a connection from the service's request or stage pool.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxConfiguration {

    /** Microsecond ticks: what a DATETIME(6) column keeps, so a value reads back as it was written. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean(destroyMethod = "close")
    OutboxRelayPool outboxRelayPool(DataSourceProperties properties, OutboxSettings settings,
                                    @Value("${spring.application.name:castad}") String service,
                                    ObjectProvider<MeterRegistry> meters) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName(service + "-outbox");
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(1);
        pool.setMaxLifetime(1_800_000);
        pool.setKeepaliveTime(300_000);
        // Under REPEATABLE READ the sweep's claim also locks the gap after the last row: every append (an insert
        // at the end of the id index) then waited for the relay's Kafka send, and under load the two deadlocked.
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // The relay's everyday statement, deleting what Kafka acknowledged, needs no transaction: auto-commit
        // saves it a commit. Only a sweep that finds rows opens one (and Spring then sets auto-commit around it).
        pool.setAutoCommit(true);
        // The batch of deletes goes to the server in one round trip (MariaDB's bulk protocol, MySQL's rewrite);
        // each driver ignores the other's option.
        pool.addDataSourceProperty("useBulkStmts", "true");
        pool.addDataSourceProperty("rewriteBatchedStatements", "true");
        meters.ifAvailable(registry -> {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            backlog(pool, registry);
        });
        return new OutboxRelayPool(pool);
    }

    /** Events written and not yet acknowledged by Kafka: near zero while the relay keeps up. */
    private static void backlog(HikariDataSource pool, MeterRegistry registry) {
        Gauge.builder("castad.outbox.backlog", JdbcClient.create(pool),
                        db -> db.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single())
                .strongReference(true)  // the JdbcClient is this gauge's alone
                .description("outbox rows waiting for the relay").register(registry);
    }

    @Bean
    OutboxRelay outboxRelay(OutboxRelayPool pool, KafkaOperations<String, Object> kafka, OutboxSettings settings,
                            Clock clock) {
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(pool.dataSource()));
        return new OutboxRelay(new JdbcTemplate(pool.dataSource()), transactions, kafka, settings, clock);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, OutboxRelay relay, Clock clock, TaskTraces traces,
                  ObjectProvider<MeterRegistry> meters) {
        return new Outbox(jdbc, relay, clock, traces, new StageMetrics(meters.getIfAvailable(SimpleMeterRegistry::new)));
    }

    /** Not a DataSource bean, so that it never becomes the service's pool by accident. */
    record OutboxRelayPool(HikariDataSource dataSource) implements AutoCloseable {

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
