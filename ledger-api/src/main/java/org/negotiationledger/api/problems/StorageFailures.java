package org.negotiationledger.api.problems;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the database (unreachable, not answering in time, shutting down) from a
 * failure of what was asked of it: the first passes when the database is back, the second does not.
 */
public final class StorageFailures {

    /**
     * What the connection pool says of a connection it closed after the database failed on it, to
     * every later statement of the same transaction (without an SQLSTATE).
     */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private StorageFailures() {
    }

    /** Thrown in place of a database failure where it must not be taken for anything else. */
    public static final class NotAnswering extends RuntimeException {
        public NotAnswering(Throwable cause) {
            super("the database is not answering", cause);
        }
    }

    /** Thrown instead of trying a command while the database is known to be away: nothing was written. */
    public static final class Away extends RuntimeException {
        public Away() {
            super("the database is not answering; nothing was tried");
        }
    }

    /** Whether no connection could be had at all: then nothing was written. */
    public static boolean isNoConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Away || cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database failed, rather than the statement sent to it. */
    public static boolean isStorageFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotAnswering || cause instanceof Away
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTransientException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && (isConnectionState(sql.getSQLState())
                    || CLOSED_BY_POOL.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE classes 08 (connection exception) and 57 (operator intervention: shutdown, cancel). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57"));
    }
}
