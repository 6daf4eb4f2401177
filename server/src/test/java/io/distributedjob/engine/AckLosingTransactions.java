package io.distributedjob.engine;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions whose next commit goes through on the database but whose acknowledgement is lost, as when the
 * connection breaks between the server committing and the client hearing of it.
 */
final class AckLosingTransactions extends DataSourceTransactionManager {

    private volatile boolean loseNext;

    AckLosingTransactions(DataSource dataSource) {
        super(dataSource);
    }

    void loseNextAcknowledgement() {
        loseNext = true;
    }

    TransactionTemplate template() {
        return new TransactionTemplate(this);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (loseNext) {
            loseNext = false;
            throw new TransactionSystemException("connection reset: the commit was not acknowledged");
        }
    }
}
