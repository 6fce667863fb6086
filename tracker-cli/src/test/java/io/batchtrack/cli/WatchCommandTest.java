package io.batchtrack.cli;

import io.batchtrack.testsupport.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testing.Poll;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code batchtrack watch} as operators run it: processes of their own, several against one database, killed. */
@ExtendWith(PostgresExtension.class)
class WatchCommandTest {
    private static final String FAILED_RUN = "INSERT INTO batch_runs (batch_type, season_year, week, season_type,"
            + " triggered_by, status, started_at, completed_at, error_type) VALUES ('odds_sync', 2025, 17, 'reg',"
            + " 'scheduler', 'failed', now(), now(), 'IOException')";

    private static Map<String, String> config(WebhookReceiver receiver, String... more) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("BATCHTRACK_ALERTS_WEBHOOK_URL",
                receiver.url().toString(), "watch.interval", "200ms", "alerts.since", "2020-01-01T00:00:00Z"));
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        return config;
    }

    @Test
    void twoWatchersAgainstOneDatabaseFor30SecondsDeliverEveryAlertOnce(PostgresDatabase db) throws Exception {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        Fixture f = new Fixture(db);
        try (WebhookReceiver receiver = WebhookReceiver.start();
                ForkedWatcher a = ForkedWatcher.start(db, config(receiver, "alerts.max-per-minute", "10000"));
                ForkedWatcher b = ForkedWatcher.start(db, config(receiver, "alerts.max-per-minute", "10000"))) {
            Poll.until(Duration.ofSeconds(60), () -> a.watching() && b.watching(), "both watchers start; output: "
                    + a.output() + b.output());
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int runs = 0;
            while (System.nanoTime() < end) {
                f.execute(FAILED_RUN);
                runs++;
                Thread.sleep(250); // paces the failures over the 30 s; nothing waits on it
            }
            int failed = runs;
            Poll.until(Duration.ofSeconds(30), () -> f.count("SELECT count(*) FROM batch_alerts WHERE state = 'delivered'")
                    == failed, "every alert delivered; a: " + a.output() + " b: " + b.output());

            assertThat(receiver.requests()).hasSize(failed);
            assertThat(receiver.requests().stream().map(WebhookReceiver.Request::idempotencyKey).distinct()).hasSize(failed);
            assertThat(f.count("SELECT count(*) FROM batch_alerts WHERE event = 'run.failed'")).isEqualTo(failed);
            assertThat(f.count("SELECT count(*) FROM batch_alert_attempts")).isEqualTo(failed);
            Map<String, Long> bySender = f.rows("SELECT split_part(sender, '@', 1) AS pid, count(*) AS n FROM"
                    + " batch_alert_attempts GROUP BY 1").stream().collect(Collectors.toMap(r -> (String) r.get("pid"),
                            r -> (Long) r.get("n")));
            System.out.printf("exactly once: two watchers, 30 s, %d failed runs -> %d requests, %d distinct"
                    + " Idempotency-Keys; attempts by watcher %s%n", failed, receiver.requests().size(),
                    receiver.requests().stream().map(WebhookReceiver.Request::idempotencyKey).distinct().count(), bySender);
            assertThat(bySender.keySet()).isSubsetOf(String.valueOf(a.pid()), String.valueOf(b.pid()));
        }
    }

    @Test
    void aWatcherKilledBetweenClaimAndDeliveryLeavesTheAlertToAnother(PostgresDatabase db) throws Exception {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        Fixture f = new Fixture(db);
        // a 2 s request timeout: a claim's lease is 4 s
        try (WebhookReceiver receiver = WebhookReceiver.start().holdFirst();
                ForkedWatcher a = ForkedWatcher.start(db, config(receiver, "alerts.timeout", "2s"))) {
            Poll.until(Duration.ofSeconds(60), () -> a.watching(), "the first watcher starts: " + a.output());
            f.execute(FAILED_RUN);
            Poll.until(Duration.ofSeconds(20), () -> receiver.requests().size() == 1, "the first watcher sends");
            assertThat(f.row("SELECT state, attempts, split_part(claimed_by, '@', 1) AS pid FROM batch_alerts"))
                    .isEqualTo(Map.of("state", "pending", "attempts", 0, "pid", String.valueOf(a.pid())));

            a.kill(); // claimed, request sent, no answer yet: nothing is recorded
            long killed = System.nanoTime();
            try (ForkedWatcher b = ForkedWatcher.start(db, config(receiver, "alerts.timeout", "2s"))) {
                Poll.until(Duration.ofSeconds(30), () -> f.count("SELECT count(*) FROM batch_alerts"
                        + " WHERE state = 'delivered'") == 1, "the second watcher delivers: " + b.output());
                System.out.printf("killed mid-delivery: the other watcher delivered %d ms after the SIGKILL"
                        + " (lease 4 s, its own start included)%n", (System.nanoTime() - killed) / 1_000_000);

                assertThat(receiver.requests()).hasSize(2).extracting(WebhookReceiver.Request::idempotencyKey)
                        .containsOnly((String) f.row("SELECT id::text AS id FROM batch_alerts").get("id"));
                assertThat(f.rows("SELECT attempt, split_part(sender, '@', 1) AS pid, http_status"
                        + " FROM batch_alert_attempts")).containsExactly(Map.of("attempt", 1, "pid",
                                String.valueOf(b.pid()), "http_status", 200));
            }
        }
    }
}
