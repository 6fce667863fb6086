package io.batchtrack.status;

import static io.batchtrack.status.TrackedRuns.FAILURE;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The System Status page's HTML as served: escaped, self-contained, a few queries. */
@ExtendWith(PostgresExtension.class)
class StatusPageTest {
    private static TrackedRuns runs;
    private static StatusServer server;

    @BeforeAll
    static void recordRunsAndStart(PostgresDatabase db) {
        runs = TrackedRuns.record(db);
        server = StatusServer.start(runs.queries, StatusServer.Options.defaults().clock(TrackedRuns.SERVER_CLOCK));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theHostileWarningIsEscapedNotMarkup() {
        String html = page(server, "/");

        assertThat(html).contains("No odds for 2 games &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"
                + " &amp; &lt;img src=x onerror=&quot;document.body.dataset.pwned=1&quot;&gt;");
        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(html).contains("<strong>java.lang.IllegalStateException</strong>: " + FAILURE);
    }

    @Test
    void thePageIsSelfContainedAndForbidsScripts() {
        HttpResponse<String> r = Http.get(server, "/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").contains("style-src 'unsafe-inline'").doesNotContain("script-src"));
        assertThat(r.body()).startsWith("<!DOCTYPE html>").doesNotContain("<link").doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("@import").doesNotContainPattern("<[^>]*\\ssrc=");
    }

    @Test
    void statusIsTheSamePage() {
        assertThat(page(server, "/status")).isEqualTo(page(server, "/"));
    }

    @Test
    void anEmptyDatabaseSaysSo(PostgresDatabase empty) {
        BatchtrackSchema.migrate(empty.dataSource(), "public");
        try (StatusServer s = StatusServer.start(BatchRunQueries.create(empty.dataSource(), "public"),
                StatusServer.Options.defaults().clock(TrackedRuns.SERVER_CLOCK))) {
            String html = page(s, "/");

            assertThat(html).contains("Data readiness: 2025 week 17").contains("Nothing is recorded for this week yet.")
                    .contains("No batch run is recorded yet.").contains("Generated at");
        }
    }

    @Test
    void thePageShowsTheLatestTenRunsOfATypeWithOneQueryPerTypeAndThreeMore(PostgresDatabase db) {
        TrackedRuns own = TrackedRuns.record(db);
        BatchTracking tracking = BatchTracking.builder().store(own.store).build();
        for (int i = 0; i < 12; i++) {
            tracking.run(RunSpec.of(BatchTypes.ROSTER_REFRESH, Period.regular(2025, 17)), () -> { });
        }
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        try (StatusServer s = StatusServer.start(BatchRunQueries.create(counting, "public"),
                StatusServer.Options.defaults().clock(TrackedRuns.SERVER_CLOCK))) {
            String html = page(s, "/");

            // readiness, summary counts, summary runs, one history query for each of the 3 batch types, lost records,
            // recent alerts; the schedules (issue 14): expectations, running runs, the durations of the one running
            // type, and the medians of every shown run's anomalies in one statement; the readiness deadlines (none
            // declared: data_readiness is not read for them)
            assertThat(counting.statements()).isEqualTo(3 + 3 + 1 + 1 + 4 + 1);
            assertThat(count(section(html, "roster_refresh"), "<tr class=\"run ")).isEqualTo(10);
            assertThat(count(section(html, "weekly_update"), "<tr class=\"run ")).isEqualTo(4);
        }
    }

    private static String page(StatusServer s, String path) {
        HttpResponse<String> r = Http.get(s, path);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static String section(String html, String batchType) {
        Matcher m = Pattern.compile("<section class=\"batch-type\" id=\"type-" + batchType + "\">.*?</section>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("section of %s", batchType).isTrue();
        return m.group();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
