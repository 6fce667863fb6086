package io.batchtrack.status.internal;

import io.batchtrack.alerts.AlertWatcher;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunListenerProvider;
import io.batchtrack.spi.RunStore;
import io.batchtrack.status.AlertSending;
import io.batchtrack.status.StatusServer;
import io.batchtrack.status.StatusSettings;
import java.util.Optional;

/**
 * {@code status.port=...} for every engine built from configuration (the agent, the aspect,
 * {@code BatchTracking.fromConfig}): the System Status page of the engine's PostgreSQL store,
 * served from the application's JVM for as long as the engine lives; closing the engine stops it.
 * The server's threads are daemons, so it never keeps the application alive. A server that cannot
 * start is logged in one line and the batch runs on, as with any tracking failure.
 */
public final class StatusListenerProvider implements RunListenerProvider {

    @Override
    public RunListener create(TrackerConfig config, RunStore store) {
        try {
            StatusSettings settings = StatusSettings.from(config);
            if (!settings.enabled()) {
                return RunListener.NONE;
            }
            if (!(store instanceof PostgresRunStore postgres)) {
                Log.warn("batchtrack serves its status page only over the jdbc store; status.port is set but the"
                        + " store is " + store + ", so no page is served");
                return RunListener.NONE;
            }
            Optional<StatusServer> server = settings.start(postgres::queries);
            return server.<RunListener>map(s -> new ServerListener(s, alerts(config, postgres))).orElse(RunListener.NONE);
        } catch (RuntimeException e) {
            Log.warn("batchtrack could not serve its status page: " + Log.describe(e) + "; the batch runs on");
            return RunListener.NONE;
        }
    }

    /** The server's alert watcher, when a channel is configured; a bad alert key is logged and the page served. */
    private static AlertWatcher alerts(TrackerConfig config, PostgresRunStore postgres) {
        try {
            return AlertSending.startIfConfigured(config, postgres::queries).orElse(null);
        } catch (RuntimeException | LinkageError e) { // an Error too: the server is started already and must not leak
            Log.warn("batchtrack sends no alerts from this status server: " + Log.describe(e) + "; the batch runs on");
            return null;
        }
    }

    /** Holds the server (and its alert watcher) for the engine; the engine's close stops them. */
    private static final class ServerListener implements RunListener {
        private final StatusServer server;
        private final AlertWatcher alerts; // null: no channel

        ServerListener(StatusServer server, AlertWatcher alerts) {
            this.server = server;
            this.alerts = alerts;
        }

        @Override
        public void close() {
            if (alerts != null) {
                alerts.close();
            }
            server.close();
        }

        @Override
        public String toString() {
            return "status page " + server.uri();
        }
    }
}
