package castad.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionsOnlyJdbcTemplateTest {

    private final DataSource dataSource = mock(DataSource.class);
    private final TransactionsOnlyJdbcTemplate jdbc = new TransactionsOnlyJdbcTemplate(dataSource);

    @Test
    void aStatementOutsideATransactionIsRefusedBeforeItTakesAConnection() {
        assertThatThrownBy(() -> jdbc.update("UPDATE song SET sending_at = NULL WHERE id = 1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
        verifyNoInteractions(dataSource);
    }

    @Test
    void aStatementInATransactionRuns() throws Exception {
        Connection connection = mock(Connection.class);
        Statement statement = mock(Statement.class);
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.createStatement()).thenReturn(statement);
        when(statement.executeUpdate("UPDATE song SET sending_at = NULL WHERE id = 1")).thenReturn(1);

        Integer updated = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .execute(status -> jdbc.update("UPDATE song SET sending_at = NULL WHERE id = 1"));

        assertThat(updated).isEqualTo(1);
    }
}
