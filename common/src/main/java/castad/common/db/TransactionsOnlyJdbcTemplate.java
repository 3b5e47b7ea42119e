package castad.common.db;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JDBC access of a service whose pool hands out connections with auto-commit off
 * ({@link TransactionsOnlyConfiguration}): a statement outside a transaction would be rolled back, unseen, when
 * its connection goes back to the pool, so it is refused before it runs.
 */
public class TransactionsOnlyJdbcTemplate extends JdbcTemplate {

    public TransactionsOnlyJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected DataSource obtainDataSource() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Auto-commit is off in this service: a statement outside a transaction"
                    + " would be rolled back when its connection returns to the pool. Run it in a transaction.");
        }
        return super.obtainDataSource();
    }
}
