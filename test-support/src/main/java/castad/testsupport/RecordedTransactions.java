package castad.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Transactions with no database behind them, for unit tests of code that runs in transactions: their
 * synchronizations run as Spring runs them, and what became of each ({@code commit}, {@code rollback}) is kept.
 */
public final class RecordedTransactions extends AbstractPlatformTransactionManager {

    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    public List<String> outcomes() {
        return outcomes;
    }

    @Override
    protected Object doGetTransaction() {
        return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        outcomes.add("commit");
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        outcomes.add("rollback");
    }
}
