package io.batchtrack.cli.internal;

import io.batchtrack.alerts.AlertWatcher;
import io.batchtrack.config.ConfigException;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.status.AlertSending;
import io.batchtrack.status.StatusServer;
import io.batchtrack.status.StatusSettings;

/**
 * {@code serve}: the System Status page and the four endpoints, on their own, until stopped; with an
 * alert channel configured it sends alerts too, as {@code watch} does.
 */
final class ServeVerb {
    private ServeVerb() {}

    static int serve(Invocation in) {
        Database db = in.database();
        BatchRunQueries queries = db.queries();
        try (StatusServer server = StatusSettings.from(in.config()).start(() -> queries).orElseThrow(() ->
                new ConfigException("status.port", "serve needs a port: BATCHTRACK_STATUS_PORT=8080 or"
                        + " -Dbatchtrack.status.port=8080 (0: any free port)"))) {
            try (AlertWatcher alerts = AlertSending.startIfConfigured(in.config(), () -> queries).orElse(null)) {
                in.out().println("batchtrack System Status page for " + db.where() + ": " + server.uri()
                        + (alerts == null ? "" : " (sending alerts)"));
                in.out().flush();
                in.serving().run();
            }
        }
        return 0;
    }
}
