package io.batchtrack.alerts;

import io.batchtrack.testsupport.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code run.anomaly}: a finished run far from its type's recent successful runs is one alert, by the
 * rule and the {@code anomaly.factor} of the status page's anomaly marks; an ordinary run is none.
 */
@ExtendWith(PostgresExtension.class)
class AnomalyAlertsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    private static Alerts alerts(PostgresDatabase db, WebhookReceiver receiver, Map<String, String> keys) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_ALERTS_WEBHOOK_URL", receiver.url("/hook").toString());
        env.put("BATCHTRACK_ALERTS_SINCE", "2026-11-01T00:00:00Z");
        keys.forEach((k, v) -> env.put(TrackerConfig.environmentName(k), v));
        return Alerts.create(db.dataSource(), "public", AlertSettings.from(TrackerConfig.of(Map.of(), env)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Six ordinary weekly updates (1 s, 16 games), one an hour, the last ending two hours before NOW. */
    private static void history(Db db) {
        for (int i = 8; i >= 3; i--) {
            run(db, "success", NOW.minus(Duration.ofHours(i)), 1_000, 16);
        }
    }

    private static UUID run(Db db, String status, Instant started, long durationMs, long games) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO batch_runs (id, batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                        + " status, started_at, completed_at, heartbeat_at, duration_ms, games_processed)"
                        + " VALUES (?, 'weekly_update', 'full', 2026, 12, 'reg', 'scheduler', ?, ?, ?, ?, ?, ?)")) {
            Instant completed = started.plusMillis(durationMs);
            ps.setObject(1, id);
            ps.setString(2, status);
            ps.setTimestamp(3, Timestamp.from(started));
            ps.setTimestamp(4, Timestamp.from(completed));
            ps.setTimestamp(5, Timestamp.from(completed));
            ps.setLong(6, durationMs);
            ps.setLong(7, games);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    @Test
    void aRunFiveTimesAsLongAsTheMedianIsOneRunAnomalyAlertAndAnOrdinaryRunIsNone(PostgresDatabase pg) {
        Db db = new Db(pg);
        history(db);
        UUID slow = run(db, "success", NOW.minus(Duration.ofMinutes(90)), 5_000, 16);
        run(db, "success", NOW.minus(Duration.ofMinutes(30)), 1_100, 15);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Alerts watcher = alerts(pg, receiver, Map.of());
            Alerts another = alerts(pg, receiver, Map.of());

            watcher.detect();
            another.detect();
            watcher.detect();
            watcher.deliver();

            assertThat(db.rows("SELECT event, run_id, batch_type, batch_mode FROM batch_alerts")).containsExactly(
                    Map.of("event", "run.anomaly", "run_id", slow, "batch_type", "weekly_update", "batch_mode", "full"));
            assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.body())
                    .contains("\"event\":\"run.anomaly\"")
                    .contains("weekly_update/full run " + slow + " (success) is far from its recent successful runs:"
                            + " duration_ms 5000 is 5 x the median 1000"));
        }
    }

    @Test
    void aCounterDroppedToZeroInAFailedRunIsAnAnomalyToo(PostgresDatabase pg) {
        Db db = new Db(pg);
        history(db);
        UUID empty = run(db, "failed", NOW.minus(Duration.ofMinutes(30)), 1_000, 0);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Alerts alerts = alerts(pg, receiver, Map.of("alerts.events", "run.anomaly"));

            alerts.detect();

            assertThat(db.rows("SELECT event, run_id, message FROM batch_alerts")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("event", "run.anomaly").containsEntry("run_id", empty))
                    .satisfies(row -> assertThat((String) row.get("message"))
                            .endsWith("games_processed dropped to 0 (median 16)"));
        }
    }

    @Test
    void theFactorIsTheStatusPagesAnomalyFactor(PostgresDatabase pg) {
        Db db = new Db(pg);
        history(db);
        run(db, "success", NOW.minus(Duration.ofMinutes(90)), 5_000, 16);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            alerts(pg, receiver, Map.of("anomaly.factor", "6")).detect();

            assertThat(db.count("SELECT count(*) FROM batch_alerts")).isZero();
        }
        assertThatThrownBy(() -> AlertSettings.from(TrackerConfig.of(Map.of(), Map.of("BATCHTRACK_ANOMALY_FACTOR", "1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("anomaly.factor")
                .hasMessageContaining("'1' is not a number more than 1 and at most 1000");
    }
}
