package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bearer token, the bind address and configuration: who may read, and where the server listens. */
@ExtendWith(PostgresExtension.class)
class StatusSecurityTest {
    private static final String TOKEN = "s3cr3t-t0ken-0123456789abcdef";
    private static final String VARIABLE = "BATCHTRACK_STATUS_TOKEN";

    private static BatchRunQueries queries;
    private static StatusServer guarded;

    @BeforeAll
    static void start(PostgresDatabase db) {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        queries = BatchRunQueries.create(db.dataSource(), "public");
        guarded = StatusServer.start(queries, StatusServer.Options.defaults().bearerToken(TOKEN));
    }

    @AfterAll
    static void stop() {
        if (guarded != null) {
            guarded.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"GET, /", "GET, /status", "GET, /api/admin/batch-runs/latest", "GET, /api/admin/batch-runs/history",
            "GET, /api/admin/data-readiness/current", "GET, /api/admin/data-readiness/17", "GET, /nowhere",
            "POST, /api/admin/batch-runs/latest", "HEAD, /", "GET, /metrics"})
    void withATokenConfiguredEveryRequestWithoutItIs401(String method, String path) {
        HttpResponse<String> r = Http.send(guarded, method, path);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).anySatisfy(c -> assertThat(c).startsWith("Bearer "))
                .anySatisfy(c -> assertThat(c).startsWith("Basic "));
        if (!method.equals("HEAD")) {
            assertThat(JsonReader.object(r.body())).containsEntry("error", "unauthorized");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Bearer wrong-token-0123456789abcdef", "Bearer " + TOKEN + "x",
            "Bearer " + "s3cr3t-t0ken-0123456789abcde", "Bearer", "Token " + TOKEN, TOKEN, "Basic !!notbase64!!",
            "Basic dXNlcg=="}) // "user", no colon
    void aWrongOrMalformedTokenIs401WithInvalidToken(String authorization) {
        HttpResponse<String> r = Http.get(guarded, "/api/admin/batch-runs/history", "Authorization", authorization);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"batchtrack\", error=\"invalid_token\"");
        assertThat(r.body()).doesNotContain(TOKEN);
    }

    @Test
    void theTokenIsAcceptedAsBearerOrAsABrowsersBasicPassword() {
        String basic = Base64.getEncoder().encodeToString(("operator:" + TOKEN).getBytes(StandardCharsets.UTF_8));

        assertThat(Http.get(guarded, "/api/admin/batch-runs/history", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(Http.get(guarded, "/api/admin/batch-runs/history", "Authorization", "bearer " + TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(Http.get(guarded, "/", "Authorization", "Basic " + basic).statusCode()).isEqualTo(200);
        // authenticated, the usual answers follow: 404, 405, 400
        assertThat(Http.get(guarded, "/api/admin/batch-runs/latest", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(Http.send(guarded, "DELETE", "/", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(405);
        assertThat(Http.get(guarded, "/api/admin/batch-runs/history?limit=0", "Authorization", "Bearer " + TOKEN)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void withoutATokenALoopbackServerAnswersEveryone() {
        try (StatusServer open = StatusServer.start(queries, StatusServer.Options.defaults())) {
            assertThat(open.tokenRequired()).isFalse();
            assertThat(Http.get(open, "/api/admin/batch-runs/history").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aNonLoopbackBindWithoutATokenIsRefused() {
        assertThatThrownBy(() -> StatusServer.start(queries, StatusServer.Options.defaults().bindAddress("0.0.0.0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.0.0.0")
                .hasMessageContaining("not a loopback address").hasMessageContaining("bearer token");
    }

    @Test
    void aNonLoopbackBindWithATokenStartsAndRequiresIt() {
        try (StatusServer all = StatusServer.start(queries, StatusServer.Options.defaults().bindAddress("0.0.0.0")
                .bearerToken(TOKEN))) {
            assertThat(all.address().getAddress().isAnyLocalAddress()).isTrue();
            assertThat(all.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(Http.get(all, "/").statusCode()).isEqualTo(401);
            assertThat(Http.get(all, "/", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aWeakTokenIsRefusedWithoutBeingEchoed() {
        StatusServer.Options defaults = StatusServer.Options.defaults();

        assertThatThrownBy(() -> defaults.bearerToken("short-secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> defaults.bearerToken("with a space in the token"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visible ASCII")
                .hasMessageNotContaining("space in");
    }

    @Test
    void optionsNeverShowTheToken() {
        StatusServer.Options options = StatusServer.Options.defaults().bearerToken(TOKEN);

        assertThat(options.toString()).doesNotContain(TOKEN).contains("token=set");
        assertThat(options.hasBearerToken()).isTrue();
        assertThat(guarded.toString()).doesNotContain(TOKEN);
    }

    @Test
    void closingFreesThePortAtOnceAndTwiceIsHarmless() {
        StatusServer first = StatusServer.start(queries, StatusServer.Options.defaults());
        int port = first.address().getPort();
        first.close();
        first.close();

        try (StatusServer again = StatusServer.start(queries, StatusServer.Options.defaults().port(port))) {
            assertThat(again.address().getPort()).isEqualTo(port);
            assertThat(Http.get(again, "/api/admin/batch-runs/history").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTakenPortIsAnIoErrorNamingTheAddress() {
        int taken = guarded.address().getPort();

        assertThatThrownBy(() -> StatusServer.start(queries, StatusServer.Options.defaults().port(taken)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("127.0.0.1:" + taken);
    }

    @Test
    void theServersThreadsAreDaemonsSoTheyNeverKeepTheJvmAlive() {
        assertThat(Http.get(guarded, "/", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);

        List<Thread> serverThreads = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("batchtrack-status") || t.getName().equals("HTTP-Dispatcher")) {
                serverThreads.add(t);
            }
        }
        assertThat(serverThreads).extracting(Thread::getName).contains("HTTP-Dispatcher")
                .anySatisfy(n -> assertThat(n).startsWith("batchtrack-status-"));
        assertThat(serverThreads).allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
    }

    @Test
    void settingsStartsNothingWithoutStatusPort() {
        assertThat(StatusSettings.from(TrackerConfig.of(Map.of("status.bind", "127.0.0.1"))).start(() -> queries))
                .isEmpty();
    }

    @Test
    void settingsListensOnLoopbackByDefault() {
        Optional<StatusServer> server = StatusSettings.from(TrackerConfig.of(Map.of("status.port", "0")))
                .start(() -> queries);
        try (StatusServer s = server.orElseThrow()) {
            assertThat(s.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(s.tokenRequired()).isFalse();
            assertThat(Http.get(s, "/api/admin/batch-runs/history").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void settingsTakesTheTokenFromTheEnvironment() {
        TrackerConfig config = TrackerConfig.of(Map.of("batchtrack.status.port", "0"), Map.of(VARIABLE, TOKEN));

        try (StatusServer s = StatusSettings.from(config).start(() -> queries)
                .orElseThrow()) {
            assertThat(s.tokenRequired()).isTrue();
            assertThat(Http.get(s, "/").statusCode()).isEqualTo(401);
            assertThat(Http.get(s, "/", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void settingsTakesTheTokenFromAFileAndListensBeyondLoopbackWithIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("status-token"), TOKEN + "\n");
        TrackerConfig config = TrackerConfig.of(Map.of("status.port", "0", "status.bind", "0.0.0.0",
                "status.token-file", file.toString()));

        try (StatusServer s = StatusSettings.from(config).start(() -> queries).orElseThrow()) {
            assertThat(s.tokenRequired()).isTrue();
            assertThat(Http.get(s, "/", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void settingsRefusesATokenFromASystemPropertyOrAgentArgument() {
        TrackerConfig fromProperty = TrackerConfig.of(Map.of("batchtrack.status.port", "0",
                "batchtrack.status.token", TOKEN), Map.of());
        TrackerConfig fromArgument = TrackerConfig.fromEnvironment(Map.of("status.port", "0", "status.token", TOKEN));

        for (TrackerConfig config : List.of(fromProperty, fromArgument)) {
            assertThatThrownBy(() -> StatusSettings.from(config).start(() -> queries))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("status.token"))
                    .hasMessageContaining(VARIABLE).hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void settingsRefusesANonLoopbackBindWithoutAToken() {
        TrackerConfig config = TrackerConfig.of(Map.of("status.port", "0", "status.bind", "0.0.0.0"));

        assertThatThrownBy(() -> StatusSettings.from(config).start(() -> queries))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("status.token"))
                .hasMessageContaining("not a loopback address").hasMessageContaining(VARIABLE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status.port=70000                                  | status.port",
            "status.port=http                                   | status.port",
            "status.port=0,status.bind=no-such-host.invalid     | status.bind",
            "status.port=0,status.token-file=/no/such/file      | status.token-file",
    })
    void settingsNamesTheKeyItCannotUse(String entries, String key) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String entry : entries.split(",")) {
            values.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }

        assertThatThrownBy(() -> StatusSettings.from(TrackerConfig.of(values)).start(() -> queries))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void settingsAsksForTheQueriesOnlyOnTheFirstRequest() {
        int[] calls = {0};
        Supplier<BatchRunQueries> lazy = () -> {
            calls[0]++;
            return queries;
        };
        try (StatusServer s = StatusSettings.from(TrackerConfig.of(Map.of("status.port", "0"))).start(lazy)
                .orElseThrow()) {
            assertThat(calls[0]).isZero();
            Http.get(s, "/api/admin/batch-runs/history");
            Http.get(s, "/");
            assertThat(calls[0]).isEqualTo(1);
        }
    }

    @Test
    // the JDK server logs request lines at DEBUG: the token is accepted only in the Authorization header
    void theTokenNeverReachesTheLog(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("status-token"), TOKEN);
        try (LogLines log = new LogLines()) {
            TrackerConfig config = TrackerConfig.of(Map.of("status.port", "0", "status.token-file", file.toString()));
            Supplier<BatchRunQueries> failing = () -> {
                throw new IllegalStateException("store not configured");
            };
            try (StatusServer s = StatusSettings.from(config).start(failing).orElseThrow()) {
                assertThat(Http.get(s, "/api/admin/batch-runs/latest", "Authorization", "Bearer " + TOKEN)
                        .statusCode()).isEqualTo(500);
            }
            assertThat(log.text()).contains("batchtrack System Status page at http://127.0.0.1:")
                    .contains("could not answer GET /api/admin/batch-runs/latest").doesNotContain(TOKEN);
        }
    }

    /**
     * Every record, at every level, of the library's logger and the JDK HTTP server's (where
     * System.Logger goes by default); the test's own HTTP client is left out, it logs its URLs.
     */
    private static final class LogLines extends Handler implements AutoCloseable {
        private final List<Logger> loggers = List.of(Logger.getLogger("io.batchtrack"),
                Logger.getLogger("com.sun.net.httpserver"));
        private final List<Level> previous = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        LogLines() {
            setLevel(Level.ALL);
            for (Logger logger : loggers) {
                previous.add(logger.getLevel());
                logger.setLevel(Level.ALL);
                logger.addHandler(this);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            text.append(record.getMessage()).append('\n');
            if (record.getThrown() != null) {
                text.append(record.getThrown()).append('\n');
            }
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).removeHandler(this);
                loggers.get(i).setLevel(previous.get(i));
            }
        }
    }
}
