package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The status page's readiness grid as headless chromium renders it: the schedule due Tuesdays 06:00
 * New York, predictions Thursdays 12:00, on Wednesday 2026-12-02 14:00 UTC (2026 week 13). Week 13's
 * schedule came an hour early, week 12's an hour late; week 12's predictions came in time, week 13's
 * Thursday is still to come; nothing came for weeks 8 to 11.
 */
@ExtendWith(PostgresExtension.class)
class ReadinessGridBrowserTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T14:00:00Z"), ZoneOffset.UTC);
    private static StatusServer server;
    private static String dom;
    private static BufferedImage screenshot;

    @BeforeAll
    static void declareRecordAndStart(PostgresDatabase db) throws Exception {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO readiness_deadlines (flag, cron, declared_at) VALUES"
                    + " ('schedule', '0 6 * * 2', '2026-09-01T00:00:00Z'),"
                    + " ('predictions', '0 12 * * 4', '2026-09-01T00:00:00Z')");
            s.execute("INSERT INTO data_readiness (season_year, week, season_type, schedule_complete,"
                    + " predictions_available, games_count, predictions_count, updated_at, schedule_complete_at,"
                    + " predictions_available_at) VALUES"
                    + " (2026, 13, 'reg', true, false, 16, 0, now(), '2026-12-01T10:00:00Z', NULL),"
                    + " (2026, 12, 'reg', true, true, 16, 256, now(), '2026-11-24T12:00:00Z', '2026-11-26T16:00:00Z')");
        }
        server = StatusServer.start(BatchRunQueries.create(db.dataSource(), "public"),
                StatusServer.Options.defaults().clock(CLOCK));
    }

    @BeforeEach
    void renderThePage() throws Exception {
        Chromium chromium = Chromium.require();
        if (dom != null) {
            return;
        }
        dom = chromium.dumpDom(server.uri());
        Path dir = Files.createTempDirectory("batchtrack-grid-");
        Path png = dir.resolve("readiness-grid.png");
        chromium.screenshot(server.uri(), png);
        screenshot = ImageIO.read(png.toFile());
        Files.delete(png);
        Files.delete(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachWeekIsARowNewestFirstWithOneCellPerFlagInItsState() {
        String grid = element(dom, "section", "id=\"readiness-deadlines\"");

        assertThat(text(element(grid, "h2", ""))).isEqualTo("Readiness deadlines · last 6 weeks");
        assertThat(text(element(grid, "thead", ""))).isEqualTo("Week schedule_complete by 0 6 * * 2"
                + " (America/New_York) predictions_available by 0 12 * * 4 (America/New_York)");
        Matcher weeks = Pattern.compile("<tr id=\"deadline-week-([^\"]+)\"").matcher(grid);
        StringBuilder order = new StringBuilder();
        while (weeks.find()) {
            order.append(weeks.group(1)).append(' ');
        }
        assertThat(order.toString().strip()).isEqualTo("2026-reg-13 2026-reg-12 2026-reg-11 2026-reg-10"
                + " 2026-reg-9 2026-reg-8");
        assertThat(text(element(grid, "tr", "id=\"deadline-week-2026-reg-13\""))).isEqualTo("2026 week 13 ready pending");
        assertThat(text(element(grid, "tr", "id=\"deadline-week-2026-reg-12\""))).isEqualTo("2026 week 12 ready late ready");
        assertThat(text(element(grid, "tr", "id=\"deadline-week-2026-reg-8\""))).isEqualTo("2026 week 8 late late");
    }

    @Test
    void aCellSaysItsStateByClassAndItsDeadlineOnHover() {
        String ready = element(dom, "td", "id=\"deadline-schedule-2026-reg-13\"");
        String late = element(dom, "td", "id=\"deadline-schedule-2026-reg-12\"");
        String pending = element(dom, "td", "id=\"deadline-predictions-2026-reg-13\"");

        assertThat(ready).contains("class=\"deadline deadline-ready\"")
                .contains("title=\"deadline 2026-12-01 11:00 UTC: ready since 2026-12-01 10:00 UTC\"");
        assertThat(late).contains("class=\"deadline deadline-ready_late\"")
                .contains("title=\"deadline 2026-11-24 11:00 UTC: ready late, since 2026-11-24 12:00 UTC\"");
        assertThat(pending).contains("class=\"deadline deadline-pending\"")
                .contains("title=\"deadline 2026-12-03 17:00 UTC: not yet come, not ready\"");
        assertThat(element(dom, "td", "id=\"deadline-predictions-2026-reg-11\""))
                .contains("class=\"deadline deadline-late\"").contains("passed, not ready");
    }

    @Test
    void theCellsAreColouredByState() {
        // the page has no runs: these backgrounds come from the grid's cells only
        assertThat(pixels(0xdafbe1)).as("ready, green").isGreaterThan(500);
        assertThat(pixels(0xfff8c5)).as("ready late, yellow").isGreaterThan(500);
        assertThat(pixels(0xffebe9)).as("late, red").isGreaterThan(5 * 500);
        assertThat(pixels(0xddf4ff)).as("pending, blue").isGreaterThan(500);
    }

    /** Pixels of the screenshot within a small distance of {@code rgb} (rendering may round a channel). */
    private static int pixels(int rgb) {
        int n = 0;
        for (int y = 0; y < screenshot.getHeight(); y++) {
            for (int x = 0; x < screenshot.getWidth(); x++) {
                int p = screenshot.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 3
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 3
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 3) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String element(String html, String tag, String attribute) {
        Matcher m = Pattern.compile("<" + tag + "(?:\\s[^>]*)?" + Pattern.quote(attribute) + "[^>]*>.*?</" + tag + ">",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("<%s %s> in %s", tag, attribute, html).isTrue();
        return m.group();
    }

    /** The text a person reads: tags removed, entities decoded, white space collapsed. */
    private static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
