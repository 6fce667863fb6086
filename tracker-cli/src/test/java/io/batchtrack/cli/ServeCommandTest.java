package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ServeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Map<String, String> environment(PostgresDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        if (db.password() != null) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        return env;
    }

    @Test
    void serveAnswersTheEndpointsOfTheConfiguredDatabaseUntilStopped(PostgresDatabase db) throws Exception {
        try (PostgresRunStore store = PostgresRunStore.builder(db.dataSource()).build()) {
            BatchTracking.builder().store(store).build()
                    .run(RunSpec.of(BatchTypes.ROSTER_REFRESH, Period.regular(2024, 1)), () -> { });
        }
        Map<String, String> env = environment(db);
        env.put("BATCHTRACK_STATUS_PORT", "0");
        AtomicReference<String> latest = new AtomicReference<>();

        int status = BatchtrackCli.run(new String[] {"serve"}, TrackerConfig.of(Map.of(), env),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> latest.set(get(served().resolve("/api/admin/batch-runs/latest"))));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(latest.get()).contains("\"batch_type\":\"roster_refresh\"").contains("\"status\":\"success\"");
    }

    @Test
    void serveWithoutAPortSaysWhichKeyToSet(PostgresDatabase db) {
        BatchtrackCli.run(new String[] {"migrate"}, TrackerConfig.of(Map.of(), environment(db)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int status = BatchtrackCli.run(new String[] {"serve"}, TrackerConfig.of(Map.of(), environment(db)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> { throw new AssertionError("must not serve"); });

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'status.port'").contains("BATCHTRACK_STATUS_PORT");
    }

    private URI served() {
        String printed = out.toString(StandardCharsets.UTF_8).trim();
        return URI.create(printed.substring(printed.lastIndexOf(": ") + 2));
    }

    private static String get(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
