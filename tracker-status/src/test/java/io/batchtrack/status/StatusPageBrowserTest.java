package io.batchtrack.status;

import static io.batchtrack.status.TrackedRuns.FAILURE;
import static io.batchtrack.status.TrackedRuns.INGEST_FAILED;
import static io.batchtrack.status.TrackedRuns.ODDS_PARTIAL;
import static io.batchtrack.status.TrackedRuns.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @BeforeAll
    static void recordRunsAndStart(PostgresDatabase db) {
        runs = TrackedRuns.record(db);
        server = StatusServer.start(runs.queries, StatusServer.Options.defaults().clock(TrackedRuns.SERVER_CLOCK));
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
