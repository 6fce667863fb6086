package io.batchtrack.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where alerts come from: reads the database and returns what is true now. Returning an event again
 * in the next scan is expected and harmless ({@code batch_alerts} keeps one per event and subject),
 * so a source needs no memory of its own. The built-in sources cover runs, expected schedules,
 * readiness deadlines and anomalies; others plug in through {@link Alerts#withSource}.
 */
@FunctionalInterface
public interface EventSource {
    /**
     * @throws RuntimeException on a database fault: that scan of this source is logged and skipped,
     *     the other sources run
     */
    List<AlertEvent> detect(Scan scan);

    /**
     * What a scan sees.
     *
     * @param schema the checked schema name
     * @param since events about history older than this are not returned
     * @param clock the moment of the scan
     * @param alerted whether an alert of an event and subject is already recorded (for recoveries)
     */
    record Scan(DataSource dataSource, String schema, Instant since, Clock clock, Alerted alerted) {
        public Scan {
            Objects.requireNonNull(dataSource, "dataSource");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(alerted, "alerted");
        }
    }

    /** Looks up {@code batch_alerts}. */
    @FunctionalInterface
    interface Alerted {
        boolean any(String subject, String... events);
    }
}
