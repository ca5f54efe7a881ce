package dev.gempix2.repository.jdbc.internal;

import dev.gempix2.core.error.GemPix2Exception;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Borrowing a connection from the app's pool for one piece of work, auto-committed or in one transaction,
 * and turning a database failure into a {@link GemPix2Exception} that names the store and what it was doing.
 */
public final class Connections {
    private static final Logger LOG = System.getLogger("dev.gempix2.jdbc");

    private final DataSource dataSource;
    private final String store;

    /**
     * @param dataSource the app's database
     * @param store how failures name the store, e.g. {@code JdbcTaskRepository (table gempix2_task)}
     */
    public Connections(DataSource dataSource, String store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /**
     * @param what what the work does, for the failure's message ("save record r1")
     * @param work the statements, each committed on its own
     * @param <T> the result
     * @return the work's result
     */
    public <T> T autoCommitted(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.run(connection);
        } catch (SQLException failed) {
            throw failure(what, failed);
        }
    }

    /**
     * @param what what the work does, for the failure's message
     * @param work the statements of one transaction, committed when it returns, rolled back when it throws; run
     *             again (at most three times in all) when the database reports a deadlock or serialization failure
     * @param <T> the result
     * @return the work's result
     */
    public <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(what, work);
            } catch (GemPix2Exception failed) {
                if (attempt >= 3 || !(failed.getCause() instanceof SQLException cause) || !isTransient(cause)) {
                    throw failed;
                }
                LOG.log(Level.DEBUG, "{0} in attempt {1}: {2}; trying again", what, attempt, cause.getMessage());
            }
        }
    }

    /** A deadlock or a serialization failure: the database rolled the transaction back, running it again works. */
    private static boolean isTransient(SQLException failure) {
        String state = failure.getSQLState();
        return "40P01".equals(state) || "40001".equals(state);
    }

    private <T> T once(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failed) {
                rollback(connection);
                throw failed;
            } finally {
                restore(connection, autoCommit);
            }
        } catch (SQLException failed) {
            throw failure(what, failed);
        }
    }

    /**
     * @param what what failed
     * @param cause the database's error
     * @return an exception naming the store
     */
    public GemPix2Exception failure(String what, SQLException cause) {
        return new GemPix2Exception(store + " could not " + what + ": " + cause.getMessage(), cause);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            LOG.log(Level.DEBUG, "Rollback failed: {0}", ignored.toString());
        }
    }

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            LOG.log(Level.DEBUG, "Restoring auto-commit failed: {0}", ignored.toString());
        }
    }

    /**
     * Statements on a borrowed connection.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param connection the borrowed connection
         * @return the result
         * @throws SQLException when the database fails
         */
        T run(Connection connection) throws SQLException;
    }
}
