package io.batchtrack.jdbi.internal;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Retries a store call that failed for a reason the next attempt usually does not meet: a lost
 * serialization or deadlock race (40001, 40P01), a connection the server closed or reset under the
 * pool (57P01-57P03, 08003, 08006, a reset socket), a connection slot refused once (53300). A few
 * attempts with a short backoff, so that one such error does not make the engine declare an outage
 * (and spool every start for a heartbeat interval, exclusive ones unchecked). A failure to connect at
 * all (refused, unknown host, the pool's own connection timeout, which has already waited) is not
 * retried: that is an outage, and a retry would only make the batch wait longer for it.
 *
 * <p>Every call retried is idempotent: the start inserts if absent, the heartbeat updates, the end
 * upserts, the sweep marks what is stale.
 */
public final class TransientRetry {
    /** Waits before the 2nd, 3rd and 4th attempt: at most 0.65 s in all. */
    private static final long[] BACKOFF_MS = {50, 150, 450};

    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "53300", "57P01", "57P02", "57P03",
            "08003", "08006");

    private TransientRetry() {}

    /** {@code work}'s result; its last failure if every attempt failed transiently, its first other failure at once. */
    public static <T> T call(Supplier<T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= BACKOFF_MS.length || !isTransient(e)) {
                    throw e;
                }
                if (!pause(BACKOFF_MS[attempt])) {
                    throw e;
                }
            }
        }
    }

    /** Whether {@code e} is a failure that a second attempt on a fresh connection is likely not to meet. */
    static boolean isTransient(Throwable e) {
        boolean transientCause = false;
        int depth = 0;
        for (Throwable c = e; c != null && depth < 20; c = c.getCause(), depth++) {
            if (c instanceof SQLTransientConnectionException || c instanceof ConnectException
                    || c instanceof NoRouteToHostException || c instanceof UnknownHostException) {
                return false; // cannot connect at all: an outage, and the pool has already waited
            }
            if (c instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.equals("08001") || state.equals("08004")) {
                    return false;
                }
                transientCause |= TRANSIENT_STATES.contains(state);
            } else if (c instanceof SocketException || c instanceof EOFException) {
                transientCause = true; // reset, broken pipe, closed under a pooled connection
            }
        }
        return transientCause;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
