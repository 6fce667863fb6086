package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTracker;
import io.batchtrack.Metrics;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seed guide's scenarios, as rows of batch_runs. */
@ExtendWith(PostgresExtension.class)
class RunRecordingTest {

    @Test
    void aRunThatReturnsWithoutWarningsIsASuccessWithItsCountersInColumns(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
            Tracker.current().increment(Metrics.API_CALLS_MADE, 20);
            return Tracker.current().runId().orElseThrow();
        });

        Map<String, Object> row = f.row("SELECT batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                + " status, games_processed, api_calls_made, odds_synced, completed_at IS NOT NULL AS completed,"
                + " duration_ms, error_type, warnings::text AS warnings, custom_metrics::text AS custom, host"
                + " FROM batch_runs WHERE id = ?::uuid", id.toString());
        assertThat(row).containsEntry("batch_type", "weekly_update").containsEntry("batch_mode", "full")
                .containsEntry("season_year", 2025).containsEntry("week", 17).containsEntry("season_type", "reg")
                .containsEntry("triggered_by", "github_actions").containsEntry("status", "success")
                .containsEntry("games_processed", 16L).containsEntry("api_calls_made", 20L)
                .containsEntry("odds_synced", 0L).containsEntry("completed", true)
                .containsEntry("error_type", null).containsEntry("warnings", "[]").containsEntry("custom", "{}");
        assertThat((Long) row.get("duration_ms")).isNotNegative();
        assertThat((String) row.get("host")).contains("@");
    }

    @Test
    void aRunIsRecordedAsRunningWhileItExecutes(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        try (BatchTracker run = f.tracking.start(WEEKLY_FULL)) {
            // the heartbeat is the database's clock: the run's own clock is a test clock in 2025
            assertThat(f.row("SELECT status, completed_at, heartbeat_at BETWEEN now() - interval '1 minute' AND now()"
                    + " AS beat FROM batch_runs WHERE id = ?::uuid", run.id().toString()))
                    .containsEntry("status", "running").containsEntry("completed_at", null).containsEntry("beat", true);
            run.complete();
        }

        assertThat(f.row("SELECT status FROM batch_runs")).containsEntry("status", "success");
    }

    @Test
    void aRunWithWarningsIsPartialAndKeepsEachWarningWithStageAndTime(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        f.tracking.run(WEEKLY_FULL, () -> {
            Tracker.current().increment(Metrics.GAME_LOGS_ADDED, 300);
            Tracker.current().warn("game_logs", "Skipped 3 players not in database");
            Tracker.current().warn("odds", "Odds API returned 429 twice");
        });

        assertThat(f.row("SELECT status, game_logs_added, jsonb_array_length(warnings) AS n, warnings_dropped"
                + " FROM batch_runs")).containsEntry("status", "partial").containsEntry("game_logs_added", 300L)
                .containsEntry("n", 2).containsEntry("warnings_dropped", 0L);
        assertThat(f.rows("SELECT w->>'stage' AS stage, w->>'message' AS message,"
                + " (w->>'at')::timestamptz IS NOT NULL AS timed"
                + " FROM batch_runs, jsonb_array_elements(warnings) WITH ORDINALITY AS e(w, n) ORDER BY n"))
                .containsExactly(
                        Map.of("stage", "game_logs", "message", "Skipped 3 players not in database", "timed", true),
                        Map.of("stage", "odds", "message", "Odds API returned 429 twice", "timed", true));
    }

    @Test
    void warningsBeyondTheCapAreCountedNotKept(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        var tracking = io.batchtrack.BatchTracking.builder().store(f.store).maxWarnings(2).build();

        tracking.run(WEEKLY_FULL, () -> {
            for (int i = 0; i < 5; i++) {
                Tracker.current().warn("game_logs", "warning " + i);
            }
        });

        assertThat(f.row("SELECT status, jsonb_array_length(warnings) AS kept, warnings_dropped FROM batch_runs"))
                .containsEntry("status", "partial").containsEntry("kept", 2).containsEntry("warnings_dropped", 3L);
    }

    @Test
    void aRunThatThrowsIsFailedWithTheExceptionsTypeMessageAndABoundedStack(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        IllegalStateException boom = new IllegalStateException("schedule API returned 503",
                new java.io.IOException("connection reset"));

        assertThatThrownBy(() -> f.tracking.run(WEEKLY_FULL, () -> {
            Tracker.current().increment(Metrics.API_CALLS_MADE, 3);
            throw boom;
        })).isSameAs(boom);

        Map<String, Object> row = f.row("SELECT status, api_calls_made, error_type, error_message, error_stack,"
                + " completed_at IS NOT NULL AS completed FROM batch_runs");
        assertThat(row).containsEntry("status", "failed").containsEntry("api_calls_made", 3L)
                .containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", "schedule API returned 503").containsEntry("completed", true);
        assertThat((String) row.get("error_stack"))
                .startsWith("java.lang.IllegalStateException: schedule API returned 503")
                .contains("Caused by: java.io.IOException: connection reset")
                .hasSizeLessThan(5_000);
    }

    @Test
    void incrementsAreSummedPerMetricStandardAndCustom(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        f.tracking.run(WEEKLY_FULL, () -> {
            for (int i = 0; i < 4; i++) {
                Tracker.current().increment(Metrics.ODDS_SYNCED, 10);
                Tracker.current().increment(Metrics.API_CALLS_MADE);
                Tracker.current().increment("players_onboarded", 2);
            }
            Tracker.current().increment("injuries_synced", 7);
        });

        assertThat(f.row("SELECT odds_synced, api_calls_made, custom_metrics->>'players_onboarded' AS players,"
                + " custom_metrics->>'injuries_synced' AS injuries, custom_metrics -> 'odds_synced' IS NOT NULL AS duplicated"
                + " FROM batch_runs")).containsEntry("odds_synced", 40L).containsEntry("api_calls_made", 4L)
                .containsEntry("players", "8").containsEntry("injuries", "7").containsEntry("duplicated", false);
    }

    @Test
    void aNestedRunRecordsItsParent(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        UUID[] ids = new UUID[2];
        f.tracking.run(WEEKLY_FULL, () -> {
            ids[0] = Tracker.current().runId().orElseThrow();
            // another week: a call of the same batch type and week would join the run around it
            f.tracking.run(WEEKLY_FULL.withMode(null).withPeriod(io.batchtrack.Period.regular(2025, 18)),
                    () -> ids[1] = Tracker.current().runId().orElseThrow());
        });

        assertThat(f.row("SELECT parent_run_id::text AS parent, batch_mode FROM batch_runs WHERE id = ?::uuid",
                ids[1].toString())).containsEntry("parent", ids[0].toString()).containsEntry("batch_mode", null);
    }

    @Test
    void theEndOfARunIsRecordedEvenWhenItsStartWasNot(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        Instant start = Instant.parse("2025-12-30T15:00:00Z");
        RunRecord finished = RunRecord.started(UUID.randomUUID(), null, WEEKLY_FULL, start, "1@host", null)
                .withCounters(Map.of(Metrics.GAMES_PROCESSED, 16L, "custom_count", 1L), List.of(), 0, 0)
                .ended(RunStatus.SUCCESS, start.plusSeconds(90), null);

        f.store.runFinished(finished); // no runStarted before

        assertThat(f.row("SELECT status, duration_ms, games_processed, custom_metrics->>'custom_count' AS custom"
                + " FROM batch_runs WHERE id = ?::uuid", finished.id().toString()))
                .containsEntry("status", "success").containsEntry("duration_ms", 90_000L)
                .containsEntry("games_processed", 16L).containsEntry("custom", "1");
    }

    @Test
    void replayingTheStartOrTheEndOfARunChangesNothing(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        Instant start = Instant.parse("2025-12-30T15:00:00Z");
        RunRecord started = RunRecord.started(UUID.randomUUID(), null, WEEKLY_FULL, start, "1@host", null);
        RunRecord finished = started.withCounters(Map.of(Metrics.ODDS_SYNCED, 3L), List.of(), 0, 0)
                .ended(RunStatus.SUCCESS, start.plusSeconds(5), null);

        f.store.runStarted(started);
        f.store.runFinished(finished);
        String before = f.row("SELECT row_to_json(r)::text AS r FROM batch_runs r").get("r").toString();
        f.store.runFinished(finished);
        f.store.runStarted(started); // a late retry of the start must not reopen the run

        assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(1);
        assertThat(f.row("SELECT row_to_json(r)::text AS r FROM batch_runs r").get("r")).isEqualTo(before);
        assertThat(f.row("SELECT status FROM batch_runs")).containsEntry("status", "success");
    }
}
