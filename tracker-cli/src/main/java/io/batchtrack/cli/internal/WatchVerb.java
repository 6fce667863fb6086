package io.batchtrack.cli.internal;

import io.batchtrack.alerts.AlertSettings;
import io.batchtrack.alerts.AlertWatcher;
import io.batchtrack.alerts.Alerts;
import io.batchtrack.config.ConfigException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code watch}: evaluates runs and expectations every {@code watch.interval} and sends the alerts,
 * until stopped. Any number of watchers (and status servers with a channel) may run against one
 * database: each alert is still sent once.
 */
final class WatchVerb {
    private WatchVerb() {}

    static int watch(Invocation in) {
        Database db = in.database();
        db.requireUpToDate();
        AlertSettings settings = AlertSettings.from(in.config());
        if (!settings.enabled()) {
            throw new ConfigException("alerts.webhook.url", "watch needs a channel: set the environment variable"
                    + " BATCHTRACK_ALERTS_WEBHOOK_URL or alerts.webhook.url-file");
        }
        Alerts alerts = Alerts.create(db.dataSource(), db.schema(), settings, Clock.systemUTC());
        Instant since = alerts.since();
        try (AlertWatcher watcher = AlertWatcher.start(alerts, settings.interval())) {
            in.out().println("batchtrack watch for " + db.where() + ": every " + every(settings.interval())
                    + ", alerts about what happened since " + Cells.time(since) + " UTC, to a "
                    + settings.format().name().toLowerCase(Locale.ROOT) + " webhook; sender " + alerts.sender());
            in.out().flush();
            in.serving().run();
        }
        return 0;
    }

    private static String every(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
