package io.batchtrack.cli;

import io.batchtrack.testsupport.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testing.Poll;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AlertsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(PostgresDatabase db, Map<String, String> more, String... args) {
        Map<String, String> env = new HashMap<>(more);
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        if (db.password() != null) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        return BatchtrackCli.run(args, TrackerConfig.of(Map.of(), env), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> { });
    }

    @Test
    void alertsTestSendsOneMessageAndPrintsWhatTheReceiverAnswered(PostgresDatabase db) {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            int status = run(db, Map.of("BATCHTRACK_ALERTS_WEBHOOK_URL", receiver.url().toString()), "alerts", "--test");

            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("test message delivered: HTTP 200 ok"
                    + System.lineSeparator());
            assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.body())
                    .startsWith("{\"event\":\"test\",").contains("alerts reach this channel"));
        }
    }

    @Test
    void alertsListsTheNewestAlertsWithTheirDeliveryState(PostgresDatabase db) {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        new Fixture(db).execute("INSERT INTO batch_alerts (id, event, subject, batch_type, batch_mode, season_year,"
                + " week, season_type, message, state, attempts) VALUES (gen_random_uuid(), 'slot.missed',"
                + " 'slot:weekly_update/*@2026-01-06T11:00:00Z', 'weekly_update', NULL, 2025, 18, 'reg',"
                + " 'weekly_update: the slot was missed', 'undeliverable', 8)");

        assertThat(run(db, Map.of(), "alerts", "--limit", "5")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("slot.missed").contains("weekly_update")
                .contains("2025/reg/18").contains("undeliverable").contains("(1 row)");
    }

    @Test
    void serveSendsAlertsTooWhenAChannelIsConfigured(PostgresDatabase db) {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        Fixture f = new Fixture(db);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, String> env = new HashMap<>(Map.of("BATCHTRACK_ALERTS_WEBHOOK_URL", receiver.url().toString(),
                    "BATCHTRACK_STATUS_PORT", "0", "BATCHTRACK_WATCH_INTERVAL", "100ms",
                    "BATCHTRACK_ALERTS_SINCE", "2020-01-01T00:00:00Z"));
            Map<String, String> all = new HashMap<>(env);
            all.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
            all.put("BATCHTRACK_JDBC_USER", db.user());
            if (db.password() != null) {
                all.put("BATCHTRACK_JDBC_PASSWORD", db.password());
            }

            int status = BatchtrackCli.run(new String[] {"serve"}, TrackerConfig.of(Map.of(), all),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    () -> {
                        f.execute("INSERT INTO batch_runs (batch_type, season_year, week, season_type, triggered_by,"
                                + " status, started_at, completed_at, error_type) VALUES ('odds_sync', 2025, 17, 'reg',"
                                + " 'scheduler', 'failed', now(), now(), 'IOException')");
                        Poll.until(Duration.ofSeconds(20), () -> receiver.requests().size() == 1, "the server sends");
                    });

            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("(sending alerts)");
            assertThat(receiver.requests().get(0).body()).startsWith("{\"event\":\"run.failed\",\"batch_type\":\"odds_sync\"");
        }
    }

    @Test
    void watchWithoutAChannelSaysWhichKeyToSet(PostgresDatabase db) {
        BatchtrackSchema.migrate(db.dataSource(), "public");

        assertThat(run(db, Map.of(), "watch")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'alerts.webhook.url'")
                .contains("BATCHTRACK_ALERTS_WEBHOOK_URL");
    }
}
