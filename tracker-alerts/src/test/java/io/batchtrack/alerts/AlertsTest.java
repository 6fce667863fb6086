package io.batchtrack.alerts;

import io.batchtrack.testsupport.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.schedule.Expectation;
import io.batchtrack.schedule.Schedules;
import io.batchtrack.testing.Poll;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import io.batchtrack.Period;
import io.batchtrack.schedule.ReadinessDeadline;
import io.batchtrack.schedule.ReadinessDeadlines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AlertsTest {
    private static final String SECRET_PATH = "/services/T0001/B0002/s3cr3tW3bh00kT0k3n";

    private static Alerts alerts(PostgresDatabase db, WebhookReceiver receiver, Map<String, String> keys, Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_ALERTS_WEBHOOK_URL", receiver.url(SECRET_PATH).toString());
        keys.forEach((k, v) -> env.put(TrackerConfig.environmentName(k), v));
        return Alerts.create(db.dataSource(), "public", AlertSettings.from(TrackerConfig.of(Map.of(), env)), clock);
    }

    @Test
    void aFailedRunIsOneRunFailedAlertWithTheFixedFieldsHoweverManySendersScan(PostgresDatabase pg) {
        Db db = new Db(pg);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Alerts first = alerts(pg, receiver, Map.of("status.public-url", "https://status.example.com/"),
                    Clock.systemUTC());
            Alerts second = alerts(pg, receiver, Map.of(), Clock.systemUTC());
            first.since(); // alerts enabled now: the run below is news, not history
            UUID run = db.run("weekly_update", "full", "failed", "IOException", Instant.now(), Instant.now());

            first.detect();
            second.detect();
            first.deliver();
            second.deliver();
            first.detect();
            second.deliver();

            assertThat(receiver.requests()).hasSize(1);
            WebhookReceiver.Request r = receiver.requests().get(0);
            String id = db.rows("SELECT id FROM batch_alerts").get(0).get("id").toString();
            assertThat(r.idempotencyKey()).isEqualTo(id);
            assertThat(r.path()).isEqualTo(SECRET_PATH);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.body()).startsWith("{\"event\":\"run.failed\",\"batch_type\":\"weekly_update\","
                    + "\"batch_mode\":\"full\",\"season_year\":2025,\"week\":17,\"season_type\":\"reg\",\"run_id\":\""
                    + run + "\",\"slot_due_at\":null,\"message\":\"weekly_update/full run " + run
                    + " failed (IOException): Box score feed returned HTTP 503\",\"status_url\":"
                    + "\"https://status.example.com/api/admin/batch-runs/" + run + "\",\"at\":\"");
            assertThat(db.rows("SELECT event, subject, state, attempts FROM batch_alerts")).containsExactly(Map.of(
                    "event", "run.failed", "subject", "run:" + run, "state", "delivered", "attempts", 1));
        }
    }

    @Test
    void aReceiverAnswering503TwiceGetsTheAlertOnTheThirdAttemptWithThreeAttemptsRecorded(PostgresDatabase pg) {
        Db db = new Db(pg);
        try (WebhookReceiver receiver = WebhookReceiver.start(503, 503)) {
            Alerts alerts = alerts(pg, receiver, Map.of("alerts.retry-delay", "100ms", "alerts.since",
                    "2020-01-01T00:00:00Z"), Clock.systemUTC());
            db.run("weekly_update", null, "failed", "abandoned", Instant.now(), Instant.now());
            long start = System.nanoTime();

            try (AlertWatcher watcher = AlertWatcher.start(alerts, Duration.ofMillis(50))) {
                Poll.until(Duration.ofSeconds(20), () -> receiver.requests().size() >= 3
                        && db.count("SELECT count(*) FROM batch_alerts WHERE state = 'delivered'") == 1,
                        "the third attempt delivers");
            }

            System.out.printf("retry: delivered on attempt 3 after two 503s in %d ms (retry-delay 100ms, doubling)%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(receiver.requests()).hasSize(3).extracting(WebhookReceiver.Request::idempotencyKey).containsOnly(
                    db.rows("SELECT id FROM batch_alerts").get(0).get("id").toString());
            assertThat(receiver.requests().get(0).body()).contains("\"event\":\"run.abandoned\"");
            assertThat(db.rows("SELECT attempt, http_status, error FROM batch_alert_attempts ORDER BY attempt"))
                    .containsExactly(row(1, 503, "HTTP 503: unavailable"), row(2, 503, "HTTP 503: unavailable"),
                            row(3, 200, null));
            assertThat(db.rows("SELECT state, attempts FROM batch_alerts")).containsExactly(Map.of("state", "delivered",
                    "attempts", 3));
        }
    }

    @Test
    void anAlertWhoseEveryAttemptFailsIsUndeliverableAfterMaxAttempts(PostgresDatabase pg) {
        Db db = new Db(pg);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.alwaysAnswer(500, 10);
            Alerts alerts = alerts(pg, receiver, Map.of("alerts.retry-delay", "10ms", "alerts.max-attempts", "3",
                    "alerts.since", "2020-01-01T00:00:00Z"), Clock.systemUTC());
            db.run("weekly_update", null, "failed", "IOException", Instant.now(), Instant.now());

            try (AlertWatcher watcher = AlertWatcher.start(alerts, Duration.ofMillis(20))) {
                Poll.until(Duration.ofSeconds(20), () -> db.count("SELECT count(*) FROM batch_alerts"
                        + " WHERE state = 'undeliverable'") == 1, "the alert is undeliverable");
            }

            assertThat(receiver.requests()).hasSize(3);
            assertThat(db.count("SELECT count(*) FROM batch_alert_attempts")).isEqualTo(3);
            assertThat(alerts.recent(10)).singleElement().satisfies(a -> {
                assertThat(a.state()).isEqualTo("undeliverable");
                assertThat(a.lastStatus()).isEqualTo(500);
            });
        }
    }

    @Test
    void aThousandFailedRunsWithinAMinuteAreMaxPerMinuteMessagesAndOneDigest(PostgresDatabase pg) {
        Db db = new Db(pg);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Alerts alerts = alerts(pg, receiver, Map.of("alerts.since", "2020-01-01T00:00:00Z"), Clock.systemUTC());
            db.execute("INSERT INTO batch_runs (batch_type, season_year, week, season_type, triggered_by, status,"
                    + " started_at, completed_at, error_type) SELECT 'odds_sync', 2025, 17, 'reg', 'scheduler', 'failed',"
                    + " now() - i * interval '10 ms', now(), 'IOException' FROM generate_series(1, 1000) i");

            assertThat(alerts.detect()).isEqualTo(1000);
            alerts.deliver();
            alerts.deliver();

            List<WebhookReceiver.Request> requests = receiver.requests();
            System.out.printf("storm: 1000 failed runs -> %d messages (max-per-minute %d, then one digest)%n",
                    requests.size(), AlertSettings.DEFAULT_MAX_PER_MINUTE);
            assertThat(requests).hasSize(AlertSettings.DEFAULT_MAX_PER_MINUTE + 1);
            assertThat(requests.subList(0, 20)).allSatisfy(r -> assertThat(r.body()).contains("\"event\":\"run.failed\""));
            assertThat(requests.get(20).body()).contains("\"event\":\"digest\"")
                    .contains("980 more alert(s) beyond alerts.max-per-minute (20), not sent one by one: run.failed 980");
            assertThat(db.rows("SELECT state, count(*) AS n FROM batch_alerts GROUP BY state ORDER BY state"))
                    .containsExactly(Map.of("state", "delivered", "n", 21L), Map.of("state", "digested", "n", 980L));
        }
    }

    @Test
    void aMissedSlotThenALateRunIsSlotMissedThenSlotRecovered(PostgresDatabase pg) {
        Db db = new Db(pg);
        // every Tuesday 06:00 New York (11:00 UTC), due an hour later
        Schedules.create(pg.dataSource(), "public").declare(Expectation.declare("weekly_update", null, "0 6 * * 2",
                null, Duration.ofHours(1), null, Instant.parse("2026-01-01T00:00:00Z")));
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, String> keys = Map.of("alerts.since", "2026-01-01T00:00:00Z");
            Alerts atOne = alerts(pg, receiver, keys, Clock.fixed(Instant.parse("2026-01-06T13:00:00Z"), ZoneOffset.UTC));
            atOne.detect();
            atOne.deliver();
            db.run("weekly_update", null, "success", null, Instant.parse("2026-01-06T13:10:00Z"),
                    Instant.parse("2026-01-06T13:20:00Z"));
            Alerts atTwo = alerts(pg, receiver, keys, Clock.fixed(Instant.parse("2026-01-06T14:00:00Z"), ZoneOffset.UTC));
            atTwo.detect();
            atTwo.deliver();
            atTwo.detect();
            atTwo.deliver();

            assertThat(receiver.requests()).extracting(r -> r.body().substring(0, r.body().indexOf(',')))
                    .containsExactly("{\"event\":\"slot.missed\"", "{\"event\":\"slot.recovered\"");
            assertThat(receiver.requests().get(0).body()).contains("\"slot_due_at\":\"2026-01-06T12:00:00Z\"")
                    .contains("\"season_year\":2025").contains("was missed: no run started");
        }
    }

    @Test
    void aReadinessDeadlinePassedThenTheFlagTrueIsReadinessLateThenReadinessRecovered(PostgresDatabase pg) {
        Db db = new Db(pg);
        // predictions by Thursday noon New York (17:00 UTC); 2025-12-04 is a Thursday of the 2025 season
        ReadinessDeadlines deadlines = ReadinessDeadlines.create(pg.dataSource(), "public");
        deadlines.declare(ReadinessDeadline.declare("predictions", "0 12 * * 4", null,
                Instant.parse("2025-11-01T00:00:00Z")));
        Clock atOne = Clock.fixed(Instant.parse("2025-12-04T18:00:00Z"), ZoneOffset.UTC);
        Period week = deadlines.evaluate(atOne).deadlines().get(0).latestPassed(atOne.instant()).period();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, String> keys = Map.of("alerts.since", "2025-12-01T00:00:00Z");
            Alerts first = alerts(pg, receiver, keys, atOne);
            first.detect();
            first.deliver();
            db.execute("INSERT INTO public.data_readiness (season_year, week, season_type, schedule_complete,"
                    + " predictions_available, games_count, predictions_count, updated_at, predictions_available_at)"
                    + " VALUES (" + week.seasonYear() + ", " + week.week() + ", '" + week.seasonType().code() + "',"
                    + " false, true, 0, 16, '2025-12-04T18:30:00Z', '2025-12-04T18:30:00Z')");
            Alerts second = alerts(pg, receiver, keys, Clock.fixed(Instant.parse("2025-12-04T19:00:00Z"), ZoneOffset.UTC));
            second.detect();
            second.deliver();
            second.detect();
            second.deliver();

            assertThat(receiver.requests()).extracting(r -> r.body().substring(0, r.body().indexOf(',')))
                    .containsExactly("{\"event\":\"readiness.late\"", "{\"event\":\"readiness.recovered\"");
            assertThat(receiver.requests().get(0).body()).contains("\"slot_due_at\":\"2025-12-04T17:00:00Z\"")
                    .contains("\"week\":" + week.week()).contains("predictions_available is not true");
        }
    }

    @Test
    void anOverdueRunAndATypeSucceedingAfterAFailureAreRunOverdueAndRunRecoveredOnlyTheChosenEventsGoOut(
            PostgresDatabase pg) {
        Db db = new Db(pg);
        Schedules.create(pg.dataSource(), "public").declare(Expectation.declare("roster_refresh", null, "0 5 * * *",
                null, null, Duration.ofHours(1), Instant.parse("2026-01-01T00:00:00Z")));
        Instant now = Instant.parse("2026-01-06T13:00:00Z");
        UUID hung = db.run("roster_refresh", null, "running", null, now.minus(Duration.ofHours(2)), null);
        db.run("odds_sync", null, "failed", "IOException", now.minus(Duration.ofMinutes(30)),
                now.minus(Duration.ofMinutes(29)));
        UUID again = db.run("odds_sync", null, "success", null, now.minus(Duration.ofMinutes(20)),
                now.minus(Duration.ofMinutes(19)));
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Alerts alerts = alerts(pg, receiver, Map.of("alerts.since", "2026-01-01T00:00:00Z", "alerts.events",
                    "run.overdue, run.recovered"), Clock.fixed(now, ZoneOffset.UTC));

            alerts.detect();
            alerts.deliver();

            assertThat(db.rows("SELECT event, run_id FROM batch_alerts ORDER BY event")).containsExactly(
                    Map.of("event", "run.overdue", "run_id", hung), Map.of("event", "run.recovered", "run_id", again));
            assertThat(receiver.requests()).hasSize(2);
            assertThat(receiver.requests()).anySatisfy(r -> assertThat(r.body()).contains("\"event\":\"run.overdue\"")
                    .contains("is overdue: running for 120 min, limit 60 min (max_duration of roster_refresh)"));
        }
    }

    @Test
    void theWebhookUrlAppearsInNoLogLineNorAttemptNorMessage(PostgresDatabase pg) throws Exception {
        Db db = new Db(pg);
        try (WebhookReceiver receiver = WebhookReceiver.start(); LogCapture logs = new LogCapture()) {
            receiver.alwaysAnswer(500, 5);
            Alerts alerts = alerts(pg, receiver, Map.of("alerts.retry-delay", "10ms", "alerts.max-attempts", "2",
                    "alerts.since", "2020-01-01T00:00:00Z"), Clock.systemUTC());
            db.run("weekly_update", null, "failed", "IOException", Instant.now(), Instant.now());
            try (AlertWatcher watcher = AlertWatcher.start(alerts, Duration.ofMillis(20))) {
                Poll.until(Duration.ofSeconds(20), () -> db.count("SELECT count(*) FROM batch_alerts"
                        + " WHERE state = 'undeliverable'") == 1, "the alert is undeliverable");
            }
            receiver.close(); // nothing listens now: the connection is refused
            Alerts.TestAnswer refused = alerts.sendTest();
            db.run("weekly_update", null, "failed", "IOException", Instant.now(), Instant.now());
            alerts.detect();
            alerts.deliver();

            assertThat(refused.status()).isNull();
            assertThat(logs.operatorText()).contains("undeliverable").contains("attempt 1 of 2")
                    .doesNotContain("s3cr3tW3bh00kT0k3n");
            assertThat(alerts.settings().toString() + refused.body()).doesNotContain("s3cr3tW3bh00kT0k3n");
            assertThat(db.rows("SELECT error FROM batch_alert_attempts")).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(r -> assertThat(String.valueOf(r.get("error"))).doesNotContain("s3cr3tW3bh00kT0k3n"));
        }
    }

    private static Map<String, Object> row(int attempt, int status, String error) {
        Map<String, Object> m = new HashMap<>();
        m.put("attempt", attempt);
        m.put("http_status", status);
        m.put("error", error);
        return m;
    }
}
