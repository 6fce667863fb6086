package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The database password appears in no log line and no exception, whatever fails. */
@ExtendWith(PostgresExtension.class)
class SecretsTest {
    private static final String PASSWORD = "pw-Zq8!only-in-the-environment";

    @TempDir
    Path spool;

    @Test
    void anUnreachableDatabaseIsReportedWithoutThePasswordAndTheSpoolHoldsNone() throws Exception {
        Map<String, String> env = env("jdbc:postgresql://127.0.0.1:" + closedPort() + "/nfl");
        try (LogCapture logs = new LogCapture();
                PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env))) {
            BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(spool)
                    .heartbeatInterval(Duration.ofMillis(200)).build();

            BatchTracker run = tracking.start(WEEKLY_FULL);
            run.increment("games_processed", 1);
            run.warn("game_logs", "the password is not " + "here");
            // heartbeats fail too, and are logged
            Poll.until(Duration.ofSeconds(10), logs::text, t -> t.contains("heartbeat cannot reach"), "a failed heartbeat");
            run.complete();
            run.close();
            Throwable thrown = catchThrowable(store::ensureReady);
            Throwable unavailable = catchThrowable(() -> store.runFinished(null));
            tracking.close();

            assertThat(thrown).isNotNull();
            assertThat(everything(thrown)).doesNotContain(PASSWORD).contains("127.0.0.1");
            assertThat(unavailable).isInstanceOf(io.batchtrack.spi.StoreUnavailableException.class);
            assertThat(everything(unavailable)).doesNotContain(PASSWORD);
            assertThat(logs.text()).contains("cannot reach its store").contains("is spooled in")
                    .doesNotContain(PASSWORD);
            String spooled = spoolText();
            assertThat(spooled).contains(run.id().toString()).contains("127.0.0.1").doesNotContain(PASSWORD);
        }
    }

    @Test
    void aRefusedLoginIsReportedWithoutThePassword(PostgresDatabase db) throws Exception {
        // the server answers, but the database named in the URL does not exist
        Map<String, String> env = env(db.jdbcUrl() + "_missing");
        try (LogCapture logs = new LogCapture();
                PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env))) {
            BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(spool).build();

            tracking.run(WEEKLY_FULL, () -> { });
            Throwable thrown = catchThrowable(store::ensureReady);

            assertThat(everything(thrown)).contains("does not exist").doesNotContain(PASSWORD);
            assertThat(logs.text()).doesNotContain(PASSWORD);
            // a database that does not exist will not appear by waiting: nothing is spooled for it
            assertThat(spoolText()).isEmpty();
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

    /** Everything in the spool directory, files of every name. */
    private String spoolText() throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(spool)) {
            for (Path p : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                b.append(java.nio.file.Files.readString(p));
            }
        }
        return b.toString();
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
