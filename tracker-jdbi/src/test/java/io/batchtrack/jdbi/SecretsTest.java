package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.BatchTracking;
import io.batchtrack.Tracker;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.cli.BatchtrackCli;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database password appears in no log line and no exception, whatever fails. */
@ExtendWith(PostgresExtension.class)
class SecretsTest {
    private static final String PASSWORD = "pw-Zq8!only-in-the-environment";

    @Test
    void anUnreachableDatabaseIsReportedWithoutThePassword() throws Exception {
        Map<String, String> env = env("jdbc:postgresql://127.0.0.1:" + closedPort() + "/nfl");
        try (LogCapture logs = new LogCapture();
                PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env))) {
            BatchTracking tracking = BatchTracking.builder().store(store).build();

            tracking.run(WEEKLY_FULL, () -> Tracker.current().increment("games_processed", 1));
            Throwable thrown = catchThrowable(store::ensureReady);

            assertThat(thrown).isNotNull();
            assertThat(everything(thrown)).doesNotContain(PASSWORD).contains("127.0.0.1");
            assertThat(logs.text()).contains("could not record").doesNotContain(PASSWORD);
        }
    }

    @Test
    void aRefusedLoginIsReportedWithoutThePassword(PostgresDatabase db) throws Exception {
        // the server answers, but the database named in the URL does not exist
        Map<String, String> env = env(db.jdbcUrl() + "_missing");
        try (LogCapture logs = new LogCapture();
                PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env))) {
            BatchTracking tracking = BatchTracking.builder().store(store).build();

            tracking.run(WEEKLY_FULL, () -> { });
            Throwable thrown = catchThrowable(store::ensureReady);

            assertThat(everything(thrown)).contains("does not exist").doesNotContain(PASSWORD);
            assertThat(logs.text()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        Map<String, String> env = env("jdbc:postgresql://db:5432/nfl?user=nfl&password=" + PASSWORD);

        Throwable thrown = catchThrowable(() -> PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env)));

        assertThat(thrown).isInstanceOf(io.batchtrack.config.ConfigException.class)
                .hasMessageContaining("jdbc.url").hasMessageContaining("BATCHTRACK_JDBC_PASSWORD");
        assertThat(everything(thrown)).doesNotContain(PASSWORD);
    }

    @Test
    void theMigrateCommandReportsAFailureWithoutThePassword() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = env("jdbc:postgresql://127.0.0.1:" + closedPort() + "/nfl");
        env.put("BATCHTRACK_JDBC_CONNECTION_TIMEOUT_MS", "500");

        try (LogCapture logs = new LogCapture()) {
            int status = BatchtrackCli.run(new String[] {"migrate"}, TrackerConfig.of(Map.of(), env),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("migrate failed").doesNotContain(PASSWORD);
            assertThat(out.toString(StandardCharsets.UTF_8) + logs.text()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void theStoreDescribesItselfWithoutThePassword(PostgresDatabase db) {
        try (PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env(db.jdbcUrl())))) {
            assertThat(store.toString()).contains(db.name()).doesNotContain(PASSWORD);
        }
    }

    private static Map<String, String> env(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", url);
        env.put("BATCHTRACK_JDBC_USER", "postgres");
        env.put("BATCHTRACK_JDBC_PASSWORD", PASSWORD);
        env.put("BATCHTRACK_JDBC_CONNECTION_TIMEOUT_MS", "500");
        return env;
    }

    /** Messages, class names and stack traces of an exception and all its causes and suppressed ones. */
    private static String everything(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
