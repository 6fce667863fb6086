package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static io.batchtrack.jdbi.Fixture.WEEK_17;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTypes;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Tracker;
import io.batchtrack.Warning;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(PostgresExtension.class)
class QueriesTest {
    private static final RunSpec PREDICTIONS = RunSpec.of(BatchTypes.PREDICTION_GENERATION, WEEK_17);
    private static final RunSpec ROSTER = RunSpec.of(BatchTypes.ROSTER_REFRESH, Period.regular(2025, 16));

    @Test
    void theLatestRunIsTheOneStartedLast(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID first = runAndReturnId(f, WEEKLY_FULL);
        UUID last = runAndReturnId(f, ROSTER);

        assertThat(f.store.queries().latest()).get().extracting(BatchRun::id).isEqualTo(last);
        assertThat(f.store.queries().latest(BatchTypes.WEEKLY_UPDATE)).get().extracting(BatchRun::id).isEqualTo(first);
        assertThat(f.store.queries().latest("never_ran")).isEmpty();
    }

    @Test
    void theSeedsLatestRunQueryWorksAsPlainSql(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        runAndReturnId(f, WEEKLY_FULL);
        UUID last = runAndReturnId(f, ROSTER);

        // select(BatchRun).order_by(BatchRun.started_at.desc()).limit(1)
        assertThat(f.row("SELECT id::text AS id FROM batch_runs ORDER BY started_at DESC LIMIT 1"))
                .containsEntry("id", last.toString());
    }

    @Test
    void aRunReadBackHasEveryColumn(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().increment(Metrics.API_CALLS_MADE, 1);
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 2);
            Tracker.current().increment(Metrics.GAME_LOGS_ADDED, 3);
            Tracker.current().increment(Metrics.PREDICTIONS_GENERATED, 4);
            Tracker.current().increment(Metrics.PREDICTIONS_SKIPPED, 5);
            Tracker.current().increment(Metrics.ODDS_SYNCED, 6);
            Tracker.current().increment(Metrics.ERRORS_ENCOUNTERED, 7);
            Tracker.current().increment("players_onboarded", 8);
            Tracker.current().warn("game_logs", "Skipped 3 players not in database");
            return Tracker.current().runId().orElseThrow();
        });

        BatchRun run = f.store.queries().run(id).orElseThrow();

        assertThat(run.batchType()).isEqualTo("weekly_update");
        assertThat(run.batchMode()).isEqualTo("full");
        assertThat(run.period()).isEqualTo(WEEK_17);
        assertThat(run.triggeredBy()).isEqualTo("github_actions");
        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.completedAt()).isAfter(run.startedAt());
        assertThat(run.durationMs()).isEqualTo(run.completedAt().toEpochMilli() - run.startedAt().toEpochMilli());
        assertThat(run.heartbeatAt()).isEqualTo(run.completedAt());
        assertThat(List.of(run.apiCallsMade(), run.gamesProcessed(), run.gameLogsAdded(), run.predictionsGenerated(),
                run.predictionsSkipped(), run.oddsSynced(), run.errorsEncountered())).containsExactly(1L, 2L, 3L, 4L,
                5L, 6L, 7L);
        assertThat(run.customMetrics()).isEqualTo(Map.of("players_onboarded", 8L));
        assertThat(run.metric("players_onboarded")).isEqualTo(8);
        assertThat(run.metric(Metrics.ODDS_SYNCED)).isEqualTo(6);
        assertThat(run.warnings()).extracting(Warning::stage, Warning::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("game_logs", "Skipped 3 players not in database"));
        assertThat(run.warnings().get(0).at()).isBetween(run.startedAt(), run.completedAt());
        assertThat(run.warningsDropped()).isZero();
        assertThat(run.errorType()).isNull();
        assertThat(run.host()).contains("@");
        assertThat(run.parentRunId()).isNull();
    }

    @Test
    void aWeeksHistoryIsNewestFirstAndOnlyThatWeek(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID a = runAndReturnId(f, WEEKLY_FULL);
        runAndReturnId(f, ROSTER); // week 16
        runAndReturnId(f, WEEKLY_FULL.withPeriod(Period.regular(2024, 17))); // last season's week 17
        runAndReturnId(f, WEEKLY_FULL.withPeriod(Period.of(2025, 3, SeasonType.PRE)));
        UUID b = runAndReturnId(f, PREDICTIONS);

        assertThat(f.store.queries().weekHistory(WEEK_17)).extracting(BatchRun::id).containsExactly(b, a);
    }

    @Test
    void theSeedsWeekHistoryQueryWorksAsPlainSql(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID a = runAndReturnId(f, WEEKLY_FULL);
        runAndReturnId(f, ROSTER);
        UUID b = runAndReturnId(f, PREDICTIONS);

        // select(BatchRun).where(season_year == 2025, week == 17).order_by(started_at.desc())
        assertThat(f.rows("SELECT id::text AS id FROM batch_runs WHERE season_year = 2025 AND week = 17"
                + " ORDER BY started_at DESC")).extracting(r -> r.get("id")).containsExactly(b.toString(), a.toString());
    }

    @Test
    void historyFiltersByTypeStatusAndWeekWithALimit(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID ok1 = runAndReturnId(f, WEEKLY_FULL);
        UUID failed = failedRun(f, WEEKLY_FULL);
        UUID ok2 = runAndReturnId(f, WEEKLY_FULL);
        UUID roster = runAndReturnId(f, ROSTER);
        UUID preds = runAndReturnId(f, PREDICTIONS);
        BatchRunQueries q = f.store.queries();

        assertThat(ids(q.history(RunFilter.newest(10)))).containsExactly(preds, roster, ok2, failed, ok1);
        assertThat(ids(q.history(RunFilter.newest(2)))).containsExactly(preds, roster);
        assertThat(ids(q.history(RunFilter.newest(10).batchType(BatchTypes.WEEKLY_UPDATE))))
                .containsExactly(ok2, failed, ok1);
        assertThat(ids(q.history(RunFilter.newest(10).status(RunStatus.FAILED)))).containsExactly(failed);
        assertThat(ids(q.history(RunFilter.newest(10).batchType(BatchTypes.WEEKLY_UPDATE).status(RunStatus.SUCCESS))))
                .containsExactly(ok2, ok1);
        assertThat(ids(q.history(RunFilter.newest(10).seasonYear(2025).week(16)))).containsExactly(roster);
        assertThat(ids(q.history(RunFilter.newest(10).period(WEEK_17).status(RunStatus.SUCCESS))))
                .containsExactly(preds, ok2, ok1);
        assertThat(ids(q.history(RunFilter.newest(10).seasonYear(2024)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void aHistoryLimitOutside1To1000IsRefusedNamingTheLimit(int limit) {
        assertThatThrownBy(() -> RunFilter.newest(limit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit " + limit + " is outside 1..1000");
        assertThatThrownBy(() -> RunFilter.newest(5).limit(limit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("limit ");
    }

    @Test
    void historyFiltersAreValidated() {
        assertThatThrownBy(() -> RunFilter.newest(5).week(19)).hasMessageStartingWith("week 19");
        assertThatThrownBy(() -> RunFilter.newest(5).seasonYear(1900)).hasMessageStartingWith("seasonYear 1900");
        assertThatThrownBy(() -> RunFilter.newest(5).batchType("Weekly Update"))
                .hasMessageStartingWith("batch type 'Weekly Update'");
    }

    @Test
    void aWeeksReadinessIsReadByPeriodAndAsTheSeedsPlainSql(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
            return Tracker.current().runId().orElseThrow();
        });

        assertThat(f.store.queries().readiness(WEEK_17)).get().satisfies(r -> {
            assertThat(r.period()).isEqualTo(WEEK_17);
            assertThat(r.scheduleComplete()).isTrue();
            assertThat(r.predictionsAvailable()).isFalse();
            assertThat(r.gamesCount()).isEqualTo(16);
            assertThat(r.predictionsCount()).isZero();
            assertThat(r.lastRunId()).isEqualTo(id);
            assertThat(r.updatedAt()).isNotNull();
        });
        assertThat(f.store.queries().readiness(Period.regular(2025, 16))).isEmpty();
        // select(DataReadiness).where(season_year == 2025, week == 17)
        assertThat(f.row("SELECT schedule_complete, predictions_available, games_count, predictions_count"
                + " FROM data_readiness WHERE season_year = 2025 AND week = 17"))
                .isEqualTo(Map.of("schedule_complete", true, "predictions_available", false, "games_count", 16,
                        "predictions_count", 0));
    }

    @Test
    void theCurrentWeeksReadinessFollowsTheNflCalendar(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        f.tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 16));
        // 2025 week 17 of the regular season runs Tuesday 2025-12-23 to Monday 2025-12-29
        Clock inWeek17 = Clock.fixed(Instant.parse("2025-12-26T18:00:00Z"), ZoneOffset.UTC);
        Clock inWeek18 = Clock.fixed(Instant.parse("2026-01-01T18:00:00Z"), ZoneOffset.UTC);

        assertThat(f.store.queries().withClock(inWeek17).currentWeek()).isEqualTo(WEEK_17);
        assertThat(f.store.queries().withClock(inWeek17).currentReadiness()).get()
                .extracting(DataReadiness::gamesCount).isEqualTo(16);
        assertThat(f.store.queries().withClock(inWeek18).currentReadiness()).isEmpty();
    }

    @Test
    void theStatusPageSummarisesEachBatchType(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID ok = runAndReturnId(f, WEEKLY_FULL);
        UUID failed = failedRun(f, WEEKLY_FULL);
        UUID partial = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().warn("odds", "late");
            return Tracker.current().runId().orElseThrow();
        });
        UUID roster = runAndReturnId(f, ROSTER);

        List<BatchTypeSummary> all = f.store.queries().summaries(20);

        assertThat(all).extracting(BatchTypeSummary::batchType).containsExactly("roster_refresh", "weekly_update");
        BatchTypeSummary weekly = all.get(1);
        assertThat(weekly.lastRun().id()).isEqualTo(partial);
        assertThat(weekly.lastSuccess().id()).isEqualTo(partial);
        assertThat(weekly.lastFailure().id()).isEqualTo(failed);
        assertThat(List.of(weekly.successes(), weekly.partials(), weekly.failures(), weekly.running()))
                .containsExactly(1, 1, 1, 0);
        assertThat(weekly.successRate()).hasValueCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(all.get(0).lastRun().id()).isEqualTo(roster);
        assertThat(all.get(0).lastFailureIfAny()).isEmpty();
        assertThat(all.get(0).successRate()).hasValue(1.0);

        BatchTypeSummary lastTwo = f.store.queries().summaries(2).get(1);
        assertThat(List.of(lastTwo.successes(), lastTwo.partials(), lastTwo.failures())).containsExactly(0, 1, 1);
        assertThat(lastTwo.lastSuccess().id()).isEqualTo(partial); // the last success is not limited to the window
        assertThat(ok).isNotNull();
    }

    @Test
    void aSummaryWindowOutside1To1000IsRefused(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        assertThatThrownBy(() -> f.store.queries().summaries(0)).hasMessage("window 0 is outside 1..1000");
        assertThat(f.store.queries().summaries(1000)).isEmpty();
    }

    @Test
    void queriesCanBeCreatedFromADataSourceAlone(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID id = runAndReturnId(f, WEEKLY_FULL);

        assertThat(BatchRunQueries.create(db.dataSource(), "public").latest()).get().extracting(BatchRun::id)
                .isEqualTo(id);
        assertThatThrownBy(() -> BatchRunQueries.create(db.dataSource(), "x\"; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static UUID runAndReturnId(Fixture f, RunSpec spec) {
        return f.tracking.call(spec, () -> Tracker.current().runId().orElseThrow());
    }

    private static UUID failedRun(Fixture f, RunSpec spec) {
        UUID[] id = new UUID[1];
        try {
            f.tracking.run(spec, () -> {
                id[0] = Tracker.current().runId().orElseThrow();
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // recorded as failed
        }
        return id[0];
    }

    private static List<UUID> ids(List<BatchRun> runs) {
        return runs.stream().map(BatchRun::id).toList();
    }
}
