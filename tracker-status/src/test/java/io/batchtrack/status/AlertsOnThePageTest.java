package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AlertsOnThePageTest {
    @Test
    void thePageListsRecentAlertsWithTheirDeliveryStateEscaped(PostgresDatabase db) throws Exception {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("INSERT INTO batch_alerts (id, event, subject, batch_type, season_year, week,"
                    + " season_type, message, state, attempts, detected_at) VALUES"
                    + " ('00000000-0000-0000-0000-000000000001', 'run.failed', 'run:1', 'weekly_update', 2025, 17, 'reg',"
                    + " 'weekly_update failed: <script>x</script>', 'undeliverable', 8, '2026-01-06T12:00:00Z'),"
                    + " ('00000000-0000-0000-0000-000000000002', 'slot.missed', 'slot:1', 'odds_sync', 2025, 17, 'reg',"
                    + " 'odds_sync: the slot was missed', 'delivered', 1, '2026-01-06T12:05:00Z')");
            c.createStatement().execute("INSERT INTO batch_alert_attempts (alert_id, attempt, sender, http_status)"
                    + " VALUES ('00000000-0000-0000-0000-000000000001', 8, 'test', 503)");
        }
        BatchRunQueries queries = BatchRunQueries.create(db.dataSource(), "public");
        String page;
        try (StatusServer server = StatusServer.start(queries, StatusServer.Options.defaults())) {
            page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        assertThat(page).contains("<section id=\"alerts\">").contains("Recent alerts");
        assertThat(page.indexOf("slot.missed")).isLessThan(page.indexOf("run.failed")); // newest first
        assertThat(page).contains("<span class=\"status status-failed\">undeliverable</span></td><td class=\"num\">8"
                + "</td><td>HTTP 503</td>").contains("<span class=\"status status-success\">delivered</span>")
                .contains("weekly_update failed: &lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
    }
}
