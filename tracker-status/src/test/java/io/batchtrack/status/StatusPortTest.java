package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import io.batchtrack.testsupport.WebhookReceiver;
import io.batchtrack.testing.Poll;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code status.port} through the programmatic front door: {@code BatchTracking.fromConfig} with
 * tracker-status on the class path serves the page for as long as the engine lives.
 */
@ExtendWith(PostgresExtension.class)
class StatusPortTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theEngineServesThePageOfItsStoreAndStopsServingWhenClosed(PostgresDatabase db) throws Exception {
        int port = freePort();
        BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of(), env(db, port)));
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        try {
            tracking.run(RunSpec.of(BatchTypes.ROSTER_REFRESH, Period.regular(2025, 17)), () -> { });

            HttpResponse<String> latest = get(base.resolve("/api/admin/batch-runs/latest"));
            HttpResponse<String> page = get(base);

            assertThat(latest.statusCode()).isEqualTo(200);
            assertThat(latest.body()).contains("\"batch_type\":\"roster_refresh\"").contains("\"status\":\"success\"");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>System Status</title>").contains("id=\"type-roster_refresh\"");
        } finally {
            tracking.close();
        }

        assertThat(listening(port)).as("something listens on port %d after close()", port).isFalse();
    }

    /** The status server an engine starts sends alerts too when a channel is configured, and stops with the engine. */
    @Test
    void theEnginesStatusServerSendsAlertsWhenAChannelIsConfigured(PostgresDatabase db) throws Exception {
        Map<String, String> env = env(db, freePort());
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            env.put("BATCHTRACK_ALERTS_WEBHOOK_URL", receiver.url().toString());
            env.put("BATCHTRACK_WATCH_INTERVAL", "100ms");
            IllegalStateException feedDown = new IllegalStateException("odds feed down");
            try (BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of(), env))) {
                Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> tracking.run(
                        RunSpec.of("odds_sync", Period.regular(2025, 17)), () -> {
                            throw feedDown;
                        }));
                assertThat(thrown).isSameAs(feedDown);

                Poll.until(Duration.ofSeconds(20), () -> !receiver.requests().isEmpty(), "the status server sends");
            }
            assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.body())
                    .contains("\"event\":\"run.failed\"").contains("\"batch_type\":\"odds_sync\"")
                    .contains("odds feed down"));
        }
    }

    @Test
    void withAStoreThatIsNotPostgresNoPageIsServedAndRunsGoOn(PostgresDatabase db) throws Exception {
        int port = freePort();
        Map<String, String> env = env(db, port);
        env.put("BATCHTRACK_STORE", "log");
        try (BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of(), env))) {
            String result = tracking.call(RunSpec.of(BatchTypes.ROSTER_REFRESH, Period.regular(2025, 17)), () -> "ran");

            assertThat(result).isEqualTo("ran");
            assertThat(listening(port)).isFalse();
        }
    }

    @Test
    void aStatusConfigurationThatCannotBeUsedServesNothingAndTheBatchIsStillTracked(PostgresDatabase db) {
        Map<String, String> env = env(db, 0);
        env.put("BATCHTRACK_STATUS_BIND", "0.0.0.0"); // beyond loopback without a token: refused
        try (BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of(), env))) {
            tracking.run(RunSpec.of(BatchTypes.WEEKLY_UPDATE, Period.regular(2025, 17)), () -> { });

            assertThat(tracking.store().toString()).startsWith("jdbc[");
            assertThat(io.batchtrack.jdbi.BatchRunQueries.create(db.dataSource(), "public").latest())
                    .hasValueSatisfying(r -> assertThat(r.batchType()).isEqualTo(BatchTypes.WEEKLY_UPDATE));
        }
    }

    private static Map<String, String> env(PostgresDatabase db, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        if (db.password() != null && !db.password().isEmpty()) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        env.put("BATCHTRACK_SPOOL_DIR", "none");
        env.put("BATCHTRACK_STATUS_PORT", Integer.toString(port));
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Whether a connection to the port on loopback is accepted (refused: nothing listens). */
    private static boolean listening(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
