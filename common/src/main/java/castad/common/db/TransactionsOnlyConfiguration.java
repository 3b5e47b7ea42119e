package castad.common.db;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker's pool hands out connections with auto-commit off ({@code spring.datasource.hikari.auto-commit:
 * false}), because all it writes is written in transactions: Spring then sends no {@code set autocommit} before
 * and after each one (two of every three statements of a one-statement transaction). The service's
 * {@link JdbcTemplate}, and so its {@code JdbcClient}, refuses any statement outside a transaction.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = JdbcTemplateAutoConfiguration.class)
@ConditionalOnProperty(name = "spring.datasource.hikari.auto-commit", havingValue = "false")
@EnableConfigurationProperties(JdbcProperties.class)
public class TransactionsOnlyConfiguration {

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource, JdbcProperties properties) {
        JdbcTemplate template = new TransactionsOnlyJdbcTemplate(dataSource);
        JdbcProperties.Template settings = properties.getTemplate();
        template.setFetchSize(settings.getFetchSize());
        template.setMaxRows(settings.getMaxRows());
        if (settings.getQueryTimeout() != null) {
            template.setQueryTimeout((int) settings.getQueryTimeout().getSeconds());
        }
        return template;
    }
}
