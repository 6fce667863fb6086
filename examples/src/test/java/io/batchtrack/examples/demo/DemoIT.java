package io.batchtrack.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * README's demo, for real: {@code java -jar examples/target/batchtrack-demo.jar}, which finds the built
 * agent jar itself, as README's command does, and runs its batches in JVMs of their own with
 * {@code -javaagent}; only the database is given, a fresh one of {@code PostgresExtension}. The tests
 * read what the demo printed and what it left in {@code batch_runs} and {@code data_readiness}.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIT {
    private PostgresDatabase db;
    private Path agent;
    private int exitCode;
    private String output;

    @BeforeAll
    void runTheDemo(PostgresDatabase database) throws IOException, InterruptedException {
        db = database;
        Path demo = existing("batchtrack.test.demo-jar");
        agent = existing("batchtrack.test.agent-jar");
        Path log = demo.resolveSibling("demo-it.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", demo.toString(), "--jdbc-url", db.jdbcUrl(), "--jdbc-user", db.user())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BATCHTRACK_") || k.equals("CI")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        if (!db.password().isEmpty()) {
            pb.environment().put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the demo did not end within 5 minutes; see " + log);
        }
        exitCode = p.exitValue();
        output = Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void theDemoEndsAsPlannedAndPrintsBothTables() {
        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("== applying the migration (java -jar " + agent.getFileName() + " migrate)",
                "migration(s), now at version ", "== batch_runs", "(4 rows)", "== data_readiness",
                "(1 row)", "recorded as batch run ");
        assertThat(output).doesNotContain("not recorded").doesNotContain("WARNING");
    }

    @Test
    void theDemoDeclaresTheSeedsSchedulesAndShowsAnOkAndAMissedSlot() {
        assertThat(output).contains("batchtrack expect weekly_update --mode full --cron \"0 6 * * 2\" --grace 2h",
                "batchtrack expect prediction_generation --cron \"0 10 * * 4\" --grace 2h",
                "batchtrack expect roster_refresh --cron \"0 5 * * *\" --grace 30m", "== batchtrack check");
        assertThat(output).containsPattern("\\| weekly_update +full +0 6 \\* \\* 2 .* ok, \\d{4} ")
                .containsPattern("\\| roster_refresh +0 5 \\* \\* \\* .* missed, \\d{4} ")
                .containsPattern("\\| roster_refresh, \\d{4} .*: missed \\(occurrence ").contains("   exit status 1");
    }

    @Test
    void eachBatchEndedWithTheStatusTheSeedsRulesGiveIt() throws SQLException {
        List<List<Object>> runs = rows("SELECT batch_type, batch_mode, status, triggered_by, season_year, week,"
                + " season_type, parent_run_id FROM batch_runs WHERE triggered_by = 'demo' ORDER BY started_at"); // not the schedules' history

        assertThat(runs).containsExactly(
                List.of("weekly_update", "full", "partial", "demo", 2024, 1, "reg", "-"),
                List.of("prediction_generation", "-", "success", "demo", 2024, 1, "reg", "-"),
                List.of("weekly_update", "odds_only", "partial", "demo", 2024, 1, "reg", "-"),
                List.of("weekly_update", "full", "failed", "demo", 2024, 1, "reg", "-"));
    }

    @Test
    void theRowsCarryTheCountersWarningsAndFailureOfEachBatch() throws SQLException {
        List<List<Object>> runs = rows("SELECT games_processed, game_logs_added, odds_synced, predictions_generated,"
                + " errors_encountered, jsonb_array_length(warnings), warnings ->> 0, error_type, error_message"
                + " FROM batch_runs WHERE triggered_by = 'demo' ORDER BY started_at"); // not the schedules' history

        assertThat(runs).extracting(r -> r.subList(0, 6)).containsExactly(
                List.of(16L, 64L, 14L, 0L, 0L, 2),
                List.of(0L, 0L, 0L, 16L, 0L, 0),
                List.of(0L, 0L, 14L, 0L, 0L, 1),
                List.of(16L, 0L, 0L, 0L, 1L, 1));
        assertThat((String) runs.get(0).get(6)).contains("Skipped 6 players not in database");
        assertThat((String) runs.get(2).get(6)).contains("No odds for 2 of 16 games");
        assertThat(runs.get(3).subList(7, 9)).satisfies(failure -> {
            assertThat(failure.get(0)).isEqualTo("io.batchtrack.examples.nfl.SimulatedOutage");
            assertThat((String) failure.get(1)).startsWith("odds API unavailable: HTTP 503");
        });
    }

    @Test
    void theWeeksReadinessIsWhatTheExamplesTablesHoldAfterTheLastSuccessfulRun() throws SQLException {
        List<List<Object>> readiness = rows("SELECT season_year, week, season_type, schedule_complete,"
                + " predictions_available, games_count, predictions_count FROM data_readiness");
        List<List<Object>> lastRefresh = rows("SELECT r.status, r.batch_mode FROM data_readiness d"
                + " JOIN batch_runs r ON r.id = d.last_run_id");

        assertThat(readiness).containsExactly(List.of(2024, 1, "reg", true, true, 16, 16));
        // the failed run came last, and left the row as the odds-only run refreshed it
        assertThat(lastRefresh).containsExactly(List.of("partial", "odds_only"));
        assertThat(output).containsPattern("2024/reg/1 +yes +yes +16 +16");
    }

    /** Rows as lists of values, null as "-". */
    private List<List<Object>> rows(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v == null ? "-" : v);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run this test with Maven"
                    + " from the project root (mvn verify), which builds the demo and the agent first");
        }
        Path p = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " does not exist (system property " + property + "): build the whole"
                    + " project (mvn -B verify from the root), not the examples module alone");
        }
        return p;
    }
}
