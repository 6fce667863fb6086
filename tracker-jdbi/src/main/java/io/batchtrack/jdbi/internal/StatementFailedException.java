package io.batchtrack.jdbi.internal;

import java.sql.SQLException;

/**
 * A statement of a run's path failed: the unchecked form of its {@link SQLException}, kept as the
 * cause, so that {@link Unavailable} tells an unreachable database from a rejected record as it does
 * for Jdbi's exceptions.
 */
public final class StatementFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StatementFailedException(String message, SQLException cause) {
        super(message, cause);
    }
}
