package fr.carence.store.jdbc;

import fr.carence.store.StoreException;
import fr.carence.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * How a failed SQL statement is reported, for the store and for the service's other tables on
 * the same database (scenario queue, lockout counters): a database that does not answer is
 * "unavailable" (HTTP 503), anything else a plain store failure; and the one transaction template
 * of those other tables ({@link #inTransaction}).
 */
public final class SqlFailures {

    private SqlFailures() {
    }

    /**
     * Connection lost or refused (class 08), or the server shutting down or restarting and
     * killing its sessions (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    public static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")));
    }

    /** Statements run on one connection in one transaction. */
    @FunctionalInterface
    public interface Transactional<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on a connection of {@code dataSource}: committed when it
     * returns, rolled back when it throws; a failed statement is reported as by {@link #of}.
     */
    public static <T> T inTransaction(DataSource dataSource, String what, Transactional<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw of(what, e);
        }
    }

    /** The exception to throw for a statement that failed while doing {@code what}. */
    public static StoreException of(String what, SQLException e) {
        return isUnavailable(e) ? new StoreUnavailableException("database unavailable while " + what + ": " + e.getMessage(), e)
                : new StoreException(what + ": " + e.getMessage(), e);
    }
}
