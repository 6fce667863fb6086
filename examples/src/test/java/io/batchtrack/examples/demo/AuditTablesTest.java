package io.batchtrack.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.examples.nfl.TestDatabase;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo's tables, printed from tables shaped like the seed's (tracker-jdbi's real ones come later). */
@ExtendWith(PostgresExtension.class)
class AuditTablesTest {
    static TestDatabase db;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    static void seedShapedTables(PostgresDatabase pg) throws Exception {
        db = new TestDatabase(pg);
        try (Connection c = db.source().open(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA audit");
            s.execute("""
                    CREATE TABLE audit.batch_runs (batch_type text, batch_mode text, season_year int, week int,
                        season_type text, status text, started_at timestamptz, completed_at timestamptz,
                        games_processed int, game_logs_added int, odds_synced int, predictions_generated int,
                        predictions_skipped int, api_calls_made int, errors_encountered int, warnings jsonb,
                        error_type text, error_message text, custom_metrics jsonb)""");
            s.execute("""
                    INSERT INTO audit.batch_runs VALUES
                    ('weekly_update', 'full', 2024, 1, 'reg', 'partial', '2026-11-28T10:00:00Z', '2026-11-28T10:00:01.5Z',
                     16, 64, 14, 0, 0, 33, 0,
                     '[{"stage": "game_logs", "message": "Skipped 6 players not in database", "at": "2026-11-28T10:00:01Z"},
                       {"at": "2026-11-28T10:00:01Z", "message": "No odds for 2 of 16 games: \\"GB\\"", "stage": "odds"}]',
                     null, null, '{}'),
                    ('weekly_update', 'full', 2024, 1, 'reg', 'failed', '2026-11-28T10:01:00Z', '2026-11-28T10:01:02Z',
                     16, 0, 0, 0, 0, 26, 1, '[]', 'io.batchtrack.examples.nfl.SimulatedOutage', 'odds API unavailable',
                     '{"predictions_without_odds": 2}')""");
            s.execute("""
                    CREATE TABLE audit.data_readiness (season_year int, week int, season_type text,
                        schedule_complete boolean, predictions_available boolean, games_count int, predictions_count int)""");
            s.execute("INSERT INTO audit.data_readiness VALUES (2024, 1, 'reg', true, false, 16, 0)");
        }
    }

    String print(String schema) throws Exception {
        try (Connection c = db.source().open()) {
            AuditTables.print(c, schema, new PrintStream(out, true, StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batchRunsArePrintedAsATableOfNumbersFollowedByEachRunsWarningsAndFailure() throws Exception {
        String text = print("audit");

        assertThat(text).contains("""
                == batch_runs
                type           mode  period      status   started   took    games  logs  odds  preds  skipped  api  errors  warnings
                -------------  ----  ----------  -------  --------  ------  -----  ----  ----  -----  -------  ---  ------  --------
                weekly_update  full  2024/reg/1  partial  10:00:00  1.50 s  16     64    14    0      0        33   0       2
                weekly_update  full  2024/reg/1  failed   10:01:00  2.00 s  16     0     0     0      0        26   1       0
                (2 rows)

                row 1, weekly_update:
                    warning [game_logs] Skipped 6 players not in database
                    warning [odds] No odds for 2 of 16 games: "GB"
                row 2, weekly_update:
                    error io.batchtrack.examples.nfl.SimulatedOutage: odds API unavailable
                    custom metrics {"predictions_without_odds": 2}
                """);
    }

    @Test
    void dataReadinessShowsTheWeeksFlagsAndCounts() throws Exception {
        String text = print("audit");

        assertThat(text).contains("""
                == data_readiness
                period      schedule_complete  predictions_available  games_count  predictions_count
                ----------  -----------------  ---------------------  -----------  -----------------
                2024/reg/1  yes                no                     16           0
                (1 row)
                """);
    }

    @Test
    void missingTablesAreReportedNotThrown() throws Exception {
        String text = print("public");

        assertThat(text).contains("== batch_runs\n(no such table:", "== data_readiness\n(no such table:");
    }
}
