package io.batchtrack.status;

import static io.batchtrack.status.TrackedRuns.FAILURE;
import static io.batchtrack.status.TrackedRuns.INGEST_FAILED;
import static io.batchtrack.status.TrackedRuns.ODDS_PARTIAL;
import static io.batchtrack.status.TrackedRuns.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.schedule.Expectation;
import io.batchtrack.schedule.Schedules;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The System Status page as a real browser renders it (Debian's headless chromium), against runs
 * recorded by the engine: what a person sees. {@code -Dbatchtrack.test.screenshot-dir=DIR} also
 * saves a screenshot there.
 */
@ExtendWith(PostgresExtension.class)
class StatusPageBrowserTest {
    private static TrackedRuns runs;
    private static StatusServer server;
    private static String dom; // rendered once, by the first test that runs
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @BeforeAll
    static void recordRunsAndStart(PostgresDatabase db) throws SQLException {
        runs = TrackedRuns.record(db);
        declareTheSeedsSchedules(db);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            // as the OpenTelemetry listener names it at the run's start (batch_runs.trace_id, schema version 8)
            st.execute("UPDATE batch_runs SET trace_id = '" + TRACE_ID + "' WHERE id = '" + runs.id(INGEST_FAILED) + "'");
        }
        server = StatusServer.start(runs.queries, StatusServer.Options.defaults().clock(TrackedRuns.SERVER_CLOCK)
                .traceUrl("https://tempo.example/trace/{trace_id}?orgId=1&view=trace"));
    }

    /**
     * Expectations declared on 2025-12-01 (issue 14): weekly_update/full Tuesdays 06:00 New York (its
     * full runs came on Wednesday: late), prediction_generation Thursdays 10:00 with a 1 h maximum (the
     * run left open two hours ago is overdue), roster_refresh daily 05:00 with five earlier runs of ten
     * minutes each, which make the engine's roster run of a few seconds an anomaly.
     */
    private static void declareTheSeedsSchedules(PostgresDatabase db) throws SQLException {
        Schedules schedules = Schedules.create(db.dataSource(), "public");
        Instant declared = Instant.parse("2025-12-01T00:00:00Z");
        schedules.declare(Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(2), null,
                declared));
        schedules.declare(Expectation.declare("prediction_generation", null, "0 10 * * 4", null, Duration.ofHours(2),
                Duration.ofHours(1), declared));
        schedules.declare(Expectation.declare("roster_refresh", null, "0 5 * * *", null, Duration.ofMinutes(30), null,
                declared));
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (int day = 19; day <= 23; day++) {
                st.execute("INSERT INTO batch_runs (batch_type, season_year, week, season_type, triggered_by, status,"
                        + " started_at, completed_at, duration_ms) VALUES ('roster_refresh', 2025, 16, 'reg',"
                        + " 'scheduler', 'success', '2025-12-" + day + "T10:00:05Z', '2025-12-" + day
                        + "T10:10:05Z', 600000)");
            }
        }
    }

    /** Each test asks for the browser itself, so that a missing one shows as skipped tests with the reason. */
    @BeforeEach
    void renderThePage() throws Exception {
        Chromium chromium = Chromium.require();
        if (dom != null) {
            return;
        }
        dom = chromium.dumpDom(server.uri());
        String screenshots = System.getProperty("batchtrack.test.screenshot-dir");
        if (screenshots != null) {
            chromium.screenshot(server.uri(), Files.createDirectories(Path.of(screenshots)).resolve("status-page.png"));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTracedRunLinksToItsTraceByTheConfiguredTemplateAndAnUntracedOneDoesNot() {
        String traced = element("tr", "id=\"run-" + runs.id(INGEST_FAILED) + "\"");

        assertThat(traced).contains("<a class=\"trace-link\" href=\"https://tempo.example/trace/" + TRACE_ID
                + "?orgId=1&amp;view=trace\"");
        assertThat(text(traced)).contains("trace");
        String untraced = element("tr", "id=\"run-" + runs.id(ODDS_PARTIAL) + "\"");
        assertThat(untraced).doesNotContain("trace-link");
    }

    @Test
    void theFailedRunShowsAsFailedWithItsMessage() {
        String row = element("tr", "id=\"run-" + runs.id(INGEST_FAILED) + "\"");
        String detail = elementAfter(row, "tr");

        assertThat(text(row)).contains("✗ failed").contains("2025 week 17").contains("ingest_only")
                .contains("games_processed 3").contains("errors_encountered 1");
        assertThat(row).contains("class=\"status status-failed\"");
        assertThat(text(detail)).contains("java.lang.IllegalStateException: " + FAILURE);
    }

    @Test
    void readinessShowsTheCurrentWeeksCounts() {
        String readiness = element("section", "id=\"readiness\"");

        assertThat(text(readiness)).contains("Data readiness: 2025 week 17");
        assertThat(text(element("div", "id=\"schedule-complete\""))).isEqualTo("Schedule completeyes");
        assertThat(text(element("div", "id=\"predictions-available\""))).isEqualTo("Predictions availableyes");
        assertThat(text(element("div", "id=\"games-count\""))).isEqualTo("Games16");
        assertThat(text(element("div", "id=\"predictions-count\""))).isEqualTo("Predictions200");
    }

    @Test
    void aPartialRunsWarningIsInsideAnExpandableElementAsPlainText() {
        String row = element("tr", "id=\"run-" + runs.id(ODDS_PARTIAL) + "\"");
        String details = element(elementAfter(row, "tr"), "details", "class=\"warnings\"");

        assertThat(text(row)).contains("⚠ partial");
        assertThat(text(element(details, "summary", ""))).isEqualTo("1 warning");
        assertThat(text(details)).contains("odds").contains(WARNING);
        // the hostile text stayed text: no element came of it, nothing ran
        assertThat(dom).doesNotContain("<script").doesNotContain("<img").doesNotContain("pwned=\"");
        assertThat(text(element("title", ""))).isEqualTo("System Status");
    }

    @Test
    void eachBatchTypeHasItsSummaryAndTheTimeThePageWasGenerated() {
        assertThat(text(element("p", "id=\"generated\""))).isEqualTo("Generated at 2025-12-24 12:00:00 UTC");
        assertThat(text(element("tr", "id=\"summary-weekly_update\""))).startsWith("weekly_update✗ failed")
                .endsWith("75% of 4 finished");
        assertThat(text(element("tr", "id=\"summary-prediction_generation\""))).contains("● running")
                .contains("never").endsWith("100% of 1 finished");
        assertThat(text(element("tr", "id=\"summary-roster_refresh\""))).contains("✓ success");
        assertThat(dom).contains("id=\"type-weekly_update\"", "id=\"type-prediction_generation\"",
                "id=\"type-roster_refresh\"");
    }

    @Test
    void theSchedulePanelShowsEachExpectationsLastSlotsAsColouredCellsWithStateAndPeriodOnHover() {
        String roster = element("tr", "id=\"schedule-roster_refresh\"");
        List<String> cells = cells(roster);

        assertThat(text(element("section", "id=\"schedules\""))).startsWith("Expected schedules");
        assertThat(cells).hasSize(10);
        assertThat(cells.get(0)).contains("class=\"slot slot-missed\"").contains("title=\"2025 week 15: missed"
                + " (occurrence 2025-12-15 10:00:00 UTC, due 2025-12-15 10:30:00 UTC)\"");
        assertThat(cells.get(9)).contains("class=\"slot slot-ok\"").contains("title=\"2025 week 17: ok"
                + " (occurrence 2025-12-24 10:00:00 UTC, due 2025-12-24 10:30:00 UTC)\"");
        assertThat(cells.subList(4, 10)).allSatisfy(cell -> assertThat(cell).contains("slot-ok"));
        assertThat(text(roster)).startsWith("roster_refresh0 5 * * * America/New_York, grace 30m")
                .endsWith("2025-12-25 10:30:00 UTC");

        String weekly = element("tr", "id=\"schedule-weekly_update-full\"");
        assertThat(cells(weekly)).extracting(c -> c.replaceAll("(?s).*class=\"slot slot-([a-z]+)\".*", "$1"))
                .containsExactly("missed", "missed", "missed", "late");
        assertThat(text(weekly)).startsWith("weekly_update/full").endsWith("2025-12-30 13:00:00 UTC");
    }

    @Test
    void theOverdueRunIsHighlightedAndTheAnomalousRunMarkedWithWhatAndByHowMuch() {
        String running = element("tr", "id=\"run-" + runs.id(TrackedRuns.RUNNING) + "\"");
        assertThat(running).contains("class=\"run run-running run-overdue\"");
        assertThat(text(running)).startsWith("● running overdue");

        String roster = element("tr", "id=\"run-" + runs.id(TrackedRuns.ROSTER) + "\"");
        assertThat(text(roster)).startsWith("✓ success ⚑ 1 anomaly");
        assertThat(text(elementAfter(roster, "tr"))).matches("Anomaly: duration_ms \\d+ is 0\\.00\\d+ x the median"
                + " 600000");
        assertThat(element("tr", "id=\"run-" + runs.id(TrackedRuns.FULL) + "\"")).doesNotContain("flag");
    }

    private static List<String> cells(String row) {
        List<String> cells = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<span class=\"slot [^\"]*\"[^>]*>[^<]*</span>").matcher(row);
        while (m.find()) {
            cells.add(m.group());
        }
        return cells;
    }

    /** The first {@code <tag ...attribute...>...</tag>} in the DOM (elements of one tag are not nested here). */
    private static String element(String tag, String attribute) {
        return element(dom, tag, attribute);
    }

    private static String element(String html, String tag, String attribute) {
        Matcher m = Pattern.compile("<" + tag + "(?:\\s[^>]*)?" + Pattern.quote(attribute) + "[^>]*>.*?</" + tag + ">",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("<%s %s> in %s", tag, attribute, html).isTrue();
        return m.group();
    }

    /** The element of {@code tag} that follows {@code previous} in the DOM. */
    private static String elementAfter(String previous, String tag) {
        int at = dom.indexOf(previous);
        assertThat(at).isNotNegative();
        return element(dom.substring(at + previous.length()), tag, "");
    }

    /** The text a person reads: tags removed, entities decoded, white space collapsed. */
    private static String text(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
