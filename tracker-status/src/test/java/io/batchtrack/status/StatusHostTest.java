package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, item 20: DNS rebinding. A page of attacker.example whose name now points at 127.0.0.1
 * makes the browser send {@code Host: attacker.example} to the token-less loopback server; it must
 * not be answered with the history.
 */
@ExtendWith(PostgresExtension.class)
class StatusHostTest {
    private static StatusServer server;
    private static StatusServer guarded;

    @BeforeAll
    static void start(PostgresDatabase db) {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        BatchRunQueries queries = BatchRunQueries.create(db.dataSource(), "public");
        server = StatusServer.start(queries, StatusSettings.from(TrackerConfig.of(Map.of("batchtrack.status.port", "0",
                "batchtrack.status.allowed-hosts", "batch-host.internal, status.example.org:8443"), Map.of()))
                .options().orElseThrow());
        guarded = StatusServer.start(queries, StatusServer.Options.defaults().bearerToken("s3cr3t-t0ken-0123456789"));
    }

    @AfterAll
    static void stop() {
        for (StatusServer s : List.of(server, guarded)) {
            s.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/admin/batch-runs/history", "/api/admin/batch-runs/latest",
        "/api/admin/data-readiness/current", "/api/admin/losses", "/api/admin/expectations", "/nowhere"})
    void aRequestForAnotherSitesNameIs421WithAShortMessageAndNoData(String path) {
        String answer = Http.raw(server, "GET " + path + " HTTP/1.1\r\nHost: attacker.example");

        assertThat(answer).startsWith("HTTP/1.1 421 ").contains("\"error\":\"misdirected_request\"")
                .contains("status.allowed-hosts").doesNotContain("batch_runs\":[").doesNotContain("<html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"attacker.example:" + 0, "localhost.attacker.example", "127.0.0.1.nip.io", "[::2]", ""})
    void lookalikesAndAnEmptyHostAre421(String host) {
        assertThat(Http.raw(server, "GET /api/admin/batch-runs/history HTTP/1.1\r\nHost: " + host))
                .startsWith("HTTP/1.1 421 ");
    }

    @Test
    void aRequestWithoutAHostHeaderIsRefused() {
        assertThat(Http.raw(server, "GET /api/admin/batch-runs/history HTTP/1.0")).matches("(?s)HTTP/1.1 4(00|21) .*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST:8085", "127.0.0.1", "127.0.0.1:1234", "[::1]", "[::1]:8085",
        "batch-host.internal", "batch-host.internal:80", "status.example.org"})
    void loopbackAndConfiguredNamesAreAnswered(String host) {
        assertThat(Http.raw(server, "GET /api/admin/batch-runs/history HTTP/1.1\r\nHost: " + host))
                .startsWith("HTTP/1.1 200 ").contains("\"batch_runs\":[");
    }

    @Test
    void theServersOwnUriIsAnswered() {
        assertThat(Http.get(server, "/api/admin/batch-runs/history").statusCode()).isEqualTo(200);
    }

    @Test
    void aServerWithATokenIsGuardedByTheTokenWhateverTheHost() {
        assertThat(Http.raw(guarded, "GET /api/admin/batch-runs/history HTTP/1.1\r\nHost: attacker.example"))
                .startsWith("HTTP/1.1 401 ");
        assertThat(Http.raw(guarded, "GET /api/admin/batch-runs/history HTTP/1.1\r\nHost: scheduler.internal\r\n"
                + "Authorization: Bearer s3cr3t-t0ken-0123456789")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aBadAllowedHostIsAConfigErrorNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> StatusSettings.from(TrackerConfig.of(Map.of("batchtrack.status.port", "0",
                "batchtrack.status.allowed-hosts", "good.example, bad host/"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("status.allowed-hosts")
                .hasMessageContaining("'bad host/' is not a host name");
    }
}
