package io.batchtrack.status;

import io.batchtrack.alerts.AlertSettings;
import io.batchtrack.alerts.AlertWatcher;
import io.batchtrack.alerts.Alerts;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchRunQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A status server sends alerts too when a channel is configured ({@code BATCHTRACK_ALERTS_WEBHOOK_URL}
 * or {@code alerts.webhook.url-file}): a watcher beside the server, every {@code watch.interval}, over
 * the server's database. With watchers and other servers on the same database, each alert still goes once.
 */
public final class AlertSending {
    private AlertSending() {}

    /**
     * Starts a watcher when a channel is configured; the database is reached on the watcher's first cycle.
     *
     * @return the watcher to close with the server, or empty without a channel
     * @throws io.batchtrack.config.ConfigException naming an alert key that cannot be used
     */
    public static Optional<AlertWatcher> startIfConfigured(TrackerConfig config, Supplier<BatchRunQueries> queries) {
        Objects.requireNonNull(queries, "queries");
        AlertSettings settings = AlertSettings.from(config);
        if (!settings.enabled()) {
            return Optional.empty();
        }
        // alerts are enabled from now, even if the database answers (or is migrated) only after the first runs
        Instant enabled = Clock.systemUTC().instant();
        return Optional.of(AlertWatcher.start(() -> {
            BatchRunQueries q = queries.get();
            return Alerts.create(q.dataSource(), q.schema(), settings, Clock.systemUTC()).enabledAt(enabled);
        }, settings.interval()));
    }
}
