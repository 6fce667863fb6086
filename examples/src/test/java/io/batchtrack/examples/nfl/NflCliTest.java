package io.batchtrack.examples.nfl;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The command line as a user runs it without the agent: untracked, but doing its work and saying so. */
@ExtendWith(PostgresExtension.class)
class NflCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    TestDatabase db;

    @BeforeEach
    void freshDatabase(PostgresDatabase pg) throws SQLException {
        db = TestDatabase.withNflTables(pg);
    }

    int run(TrackerConfig config, String... args) {
        return NflCli.run(args, config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFullWeeklyUpdatePrintsWhatItDidItsWarningsAndThatItWasNotRecorded() throws SQLException {
        int status = run(db.config(), "weekly-update", "--mode", "full", "--season", "2024", "--week", "1");

        assertThat(status).isEqualTo(NflCli.OK);
        assertThat(out()).contains(
                "weekly_update [full] 2024/reg/1: 16 games processed, 64 game logs added, 14 odds synced",
                "  warning [game_logs] Skipped 6 players not in database",
                "  warning [odds] No odds for 2 of 16 games: 2024_01_GB_PHI, 2024_01_NYJ_SF",
                "  not recorded: start the JVM with -javaagent:tracker-agent.jar");
        assertThat(err()).isEmpty();
        assertThat(db.count("games")).isEqualTo(16);
    }

    @Test
    void predictionsCreateTheSchemaThemselvesOnAnEmptyDatabase() throws SQLException {
        try (var c = db.source().open(); var s = c.createStatement()) {
            s.execute("DROP SCHEMA nfl CASCADE");
        }

        int status = run(db.config(), "predictions", "--season", "2024", "--week", "1");

        assertThat(status).isEqualTo(NflCli.OK);
        assertThat(out()).contains("0 predictions generated", "warning [predictions] No games in database");
        assertThat(db.count("teams")).isEqualTo(32);
    }

    @Test
    void aFailedStepExitsWithOneAndNamesTheFailure() {
        int status = run(db.config(), "weekly-update", "--season", "2024", "--week", "1", "--fail-step", "odds");

        assertThat(status).isEqualTo(NflCli.BATCH_FAILED);
        assertThat(err()).contains("weekly-update failed:", "odds API unavailable: HTTP 503");
    }

    @Test
    void aBadCommandLineExitsWithTwoAndPrintsTheUsage() {
        int status = run(db.config(), "weekly-update", "--mode", "fast");

        assertThat(status).isEqualTo(NflCli.USAGE);
        assertThat(err()).startsWith("nfl-batch: --mode fast: mode 'fast' is not one of").contains("usage: nfl-batch");
    }

    @Test
    void aMissingDatabaseUrlExitsWithTwoAndNamesTheKey() {
        int status = run(TrackerConfig.of(Map.of()), "roster-refresh");

        assertThat(status).isEqualTo(NflCli.USAGE);
        assertThat(err()).contains("'jdbc.url'", "BATCHTRACK_JDBC_URL");
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        int status = run(TrackerConfig.of(Map.of()), "--help");

        assertThat(status).isEqualTo(NflCli.OK);
        assertThat(out()).startsWith("usage: nfl-batch <command> [options]");
    }
}
