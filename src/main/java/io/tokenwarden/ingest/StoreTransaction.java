package io.tokenwarden.ingest;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write in a transaction and reports why it failed. When the connection is lost mid-write,
 * the rollback fails too, and TransactionTemplate throws that rollback failure ("Unable to rollback
 * against JDBC Connection") instead of the write's own (DataAccessResourceFailureException, which
 * callers answer with 503 and Retry-After).
 */
final class StoreTransaction {

    private StoreTransaction() {}

    static <T> T run(TransactionTemplate transaction, Supplier<T> write) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            return transaction.execute(status -> {
                try {
                    return write.get();
                } catch (RuntimeException e) {
                    failure.set(e);
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            RuntimeException first = failure.get();
            if (first != null && first != e) {
                first.addSuppressed(e);
                throw first;
            }
            throw e;
        }
    }
}
