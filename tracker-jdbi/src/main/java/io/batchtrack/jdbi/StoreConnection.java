package io.batchtrack.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.internal.StatementFailedException;
import io.batchtrack.jdbi.internal.TransientRetry;
import io.batchtrack.jdbi.internal.Unavailable;
import io.batchtrack.spi.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link PostgresRunStore}'s way to its database: the data source and Jdbi, created on first use
 * (Jdbi alone takes ~300 ms to load in a cold JVM); before the first statement a direct login and
 * the schema brought up to date (or checked); every call retried on a transient failure and an
 * unreachable database reported as such; the pool closed with the store if the store built it.
 */
final class StoreConnection {
    /** What talks to the database. */
    record Backend(DataSource dataSource, Jdbi jdbi) {}

    /** A statement of a run's path over plain JDBC on a pooled connection (see WriteStatement for why). */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T on(Connection connection) throws SQLException;
    }

    private final DataSourceFactory dataSourceFactory;
    private final String schema;
    private final boolean migrate;
    private final String description;
    private final Object lock = new Object();
    private volatile Backend backend; // created on first use; guarded by lock
    private volatile boolean ready;
    private boolean loginChecked; // guarded by lock
    private boolean closed; // guarded by lock

    StoreConnection(DataSourceFactory dataSourceFactory, String schema, boolean migrate, String description) {
        this.dataSourceFactory = dataSourceFactory;
        this.schema = schema;
        this.migrate = migrate;
        this.description = description;
    }

    /**
     * Logs in, then brings the schema up to date (or checks it is), once.
     *
     * @return whether this call made the store ready (false: it was already)
     * @throws IllegalStateException if the database cannot be reached or the schema is not usable
     */
    boolean ensureReady() {
        if (ready) {
            return false;
        }
        synchronized (lock) {
            if (ready) {
                return false;
            }
            if (!loginChecked) {
                checkLogin();
                loginChecked = true;
            }
            DataSource dataSource = backend().dataSource();
            if (migrate) {
                BatchtrackSchema.MigrationResult result = BatchtrackSchema.migrate(dataSource, schema);
                if (result.changed()) {
                    Log.info("batchtrack applied " + result.migrationsApplied() + " migration(s) to schema " + schema
                            + "; now at version " + result.version());
                }
            } else if (!BatchtrackSchema.isUpToDate(dataSource, schema)) {
                throw new IllegalStateException("schema " + schema + " is not at batchtrack version "
                        + BatchtrackSchema.latestVersion() + " and migrate-on-start=false: run the migrate command"
                        + " (java -jar tracker-agent.jar migrate, or java -jar tracker-cli.jar migrate)");
            }
            ready = true;
            return true;
        }
    }

    /**
     * Before the pool's first connection: one direct login. A pool that cannot log in retries in the
     * background while every caller waits out {@code jdbc.connection-timeout-ms}; a direct login is
     * refused at once, so a wrong password costs a run milliseconds, not a timeout (issue 12, item 19).
     */
    private void checkLogin() {
        try {
            dataSourceFactory.checkLogin();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log in to the batchtrack database " + description, e);
        }
    }

    /** {@code work} on a pooled connection; an {@link SQLException} as a {@link StatementFailedException}. */
    <T> T onConnection(ConnectionWork<T> work) {
        try (Connection c = backend().dataSource().getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new StatementFailedException("batchtrack's statement on " + description + " failed: "
                    + Log.describe(e), e);
        }
    }

    /** {@code work}, retried on a transient failure ({@link TransientRetry}); an unreachable database as such. */
    <T> T call(Supplier<T> work) {
        try {
            return TransientRetry.call(work);
        } catch (RuntimeException e) {
            StoreUnavailableException unavailable = Unavailable.of(e, description, dataSourceFactory.owned());
            throw unavailable != null ? unavailable : e;
        }
    }

    /** @throws IllegalStateException once the store is closed */
    Backend backend() {
        Backend b = backend;
        if (b != null) {
            return b;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the batchtrack store " + this + " is closed");
            }
            if (backend == null) {
                DataSource ds = dataSourceFactory.create();
                backend = new Backend(ds, Jdbi.create(ds));
            }
            return backend;
        }
    }

    /** Closes the pool if the store built it from configuration; a data source passed in stays open. */
    void close() {
        synchronized (lock) {
            closed = true;
            ready = false;
            Backend b = backend;
            backend = null;
            if (b != null && b.dataSource() instanceof HikariDataSource pool && dataSourceFactory.owned()) {
                pool.close();
            }
        }
    }

    @Override
    public String toString() {
        return "jdbc[" + description + ", schema=" + schema + "]";
    }
}
