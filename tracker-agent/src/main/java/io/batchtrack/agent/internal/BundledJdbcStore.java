package io.batchtrack.agent.internal;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.RunStoreProvider;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.postgresql.Driver;

/**
 * {@code store=jdbc} in the agent jar: tracker-jdbi's store, with the bundled (relocated) PostgreSQL
 * driver kept out of {@link java.sql.DriverManager}. The driver registers itself there when its class
 * loads; the agent jar is on the system class path, so {@code DriverManager} would then offer it to
 * the application, whose {@code DriverManager.getConnection("jdbc:postgresql:...")} could get a
 * connection of our driver version instead of its own. So it is deregistered before the store uses
 * it, and the store connects through the driver directly. Nothing else differs from tracker-jdbi's
 * own provider (both build the store with the public {@link PostgresRunStore#fromConfig}), whose
 * service entry the agent jar leaves out. (The status page of {@code status.port}
 * is not this class's business: tracker-status's listener provider starts it for the engine, and the
 * engine's close stops it.)
 *
 * <p>Between the driver's registration (in its static initializer) and its removal there is a moment,
 * while the store starts, in which {@code DriverManager} lists it. The application's own drivers are
 * registered before that moment (by asking {@code DriverManager} for its drivers first), so an
 * application that has a PostgreSQL driver gets its own even then; only one that has none, or
 * registers it just then, could see ours for that moment. Loading the store in a class loader of
 * its own would close that gap entirely; relocation alone cannot.
 */
public final class BundledJdbcStore implements RunStoreProvider {
    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public RunStore create(TrackerConfig config) {
        RunStore created = PostgresRunStore.fromConfig(config);
        keepDriverPrivate();
        return created;
    }

    /** Loads the bundled driver class (which registers it) and takes it out of DriverManager again. */
    static void keepDriverPrivate() {
        try {
            // DriverManager loads the application's drivers (java.sql.Driver services) on first use:
            // let it do so now, so that they come before ours in its list while ours is in it
            DriverManager.getDrivers();
            if (Driver.isRegistered()) {
                Driver.deregister();
            }
        } catch (SQLException | RuntimeException e) {
            Log.warn("batchtrack could not take its PostgreSQL driver out of DriverManager; the application's"
                    + " DriverManager may hand it out: " + Log.describe(e));
        }
    }
}
