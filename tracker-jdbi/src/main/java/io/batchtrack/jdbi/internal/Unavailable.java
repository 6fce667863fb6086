package io.batchtrack.jdbi.internal;

import io.batchtrack.internal.Log;
import io.batchtrack.spi.StoreUnavailableException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached (the record should wait in the spool) from a record the
 * database rejects (waiting would not help). Reached means: a connection, a statement, an answer.
 */
public final class Unavailable {
    /**
     * SQLSTATEs that say nothing about the record: the server is shutting down or starting
     * (57P01-57P03), out of connections (53300), read-only after a failover (25006), or the
     * transaction lost a deadlock or serialization race (40P01, 40001) and would succeed if retried.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "25006", "40P01", "40001");

    /**
     * SQLSTATE classes that a wait cannot cure, wherever they appear in the chain (a pool that times
     * out reports the server's last refusal as its cause): no such database (3D), failed login (28),
     * a statement or permission the server rejects (42), a value it refuses (22, 23). The refusals
     * of {@link AccessDenied} among them are checked first and reported as unavailable.
     */
    private static final Set<String> PERMANENT_CLASSES = Set.of("3D", "28", "42", "22", "23");

    private Unavailable() {}

    /** {@link #of(RuntimeException, String, boolean)} for a store built from configuration. */
    public static StoreUnavailableException of(RuntimeException e, String where) {
        return of(e, where, true);
    }

    /**
     * {@code e} as a {@link StoreUnavailableException} if it means the database is unreachable, or
     * refuses batchtrack's login or privileges ({@link AccessDenied}: no record is at fault, so the
     * runs wait in the spool like in an outage), else null.
     *
     * @param fromConfig whether the credentials come from configuration: the message names the key to fix
     */
    public static StoreUnavailableException of(RuntimeException e, String where, boolean fromConfig) {
        if (e instanceof StoreUnavailableException u) {
            return u;
        }
        SQLException refused = AccessDenied.find(e);
        if (refused != null) {
            // the server's refusal as the only cause: a pool's "Connection is not available" says nothing more
            return new StoreUnavailableException(AccessDenied.explain(refused, fromConfig, where), refused);
        }
        Throwable unreachable = null;
        int depth = 0;
        for (Throwable c = e; c != null && depth < 20; c = c.getCause(), depth++) {
            if (c instanceof SQLException s && s.getSQLState() != null && s.getSQLState().length() >= 2
                    && PERMANENT_CLASSES.contains(s.getSQLState().substring(0, 2))) {
                return null;
            }
            if (unreachable == null && isUnreachable(c)) {
                unreachable = c;
            }
        }
        return unreachable == null ? null : new StoreUnavailableException("the batchtrack database " + where
                + " is unreachable: " + Log.describe(unreachable), e);
    }

    private static boolean isUnreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException
                || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                || t instanceof UnknownHostException || t instanceof EOFException) {
            return true;
        }
        if (t instanceof SocketException) {
            return true; // connection reset, broken pipe
        }
        if (t instanceof SQLException s && s.getSQLState() != null) {
            String state = s.getSQLState();
            return state.startsWith("08") || STATES.contains(state);
        }
        return false;
    }
}
