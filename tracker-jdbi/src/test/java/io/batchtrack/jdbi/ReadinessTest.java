package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static io.batchtrack.jdbi.Fixture.WEEK_17;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTypes;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.spi.Readiness;
import io.batchtrack.spi.ReadinessProbe;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ReadinessTest {
    private static final String READINESS = "SELECT schedule_complete, predictions_available, games_count,"
            + " predictions_count, last_run_id::text AS last_run FROM data_readiness"
            + " WHERE season_year = 2025 AND week = 17 AND season_type = 'reg'";

    @Test
    void aSuccessfulRunRefreshesItsWeekFromWhatItCounted(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
            return Tracker.current().runId().orElseThrow();
        });

        assertThat(f.row(READINESS)).containsEntry("schedule_complete", true)
                .containsEntry("predictions_available", false).containsEntry("games_count", 16)
                .containsEntry("predictions_count", 0).containsEntry("last_run", id.toString());
    }

    @Test
    void aPartialRunRefreshesItsWeekToo(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        f.tracking.run(RunSpec.of(BatchTypes.PREDICTION_GENERATION, WEEK_17), () -> {
            Tracker.current().increment(Metrics.PREDICTIONS_GENERATED, 250);
            Tracker.current().increment(Metrics.PREDICTIONS_SKIPPED, 50);
            Tracker.current().warn("predictions", "3 players without features");
        });

        assertThat(f.row(READINESS)).containsEntry("predictions_available", true)
                .containsEntry("predictions_count", 300).containsEntry("schedule_complete", false);
    }

    @Test
    void aFailedRunDoesNotRefreshReadiness(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        try {
            f.tracking.run(WEEKLY_FULL, () -> {
                Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
                throw new IllegalStateException("odds API down");
            });
        } catch (IllegalStateException expected) {
            // the batch's own exception
        }

        assertThat(f.count("SELECT count(*) FROM data_readiness")).isZero();
        assertThat(f.row("SELECT status FROM batch_runs")).containsEntry("status", "failed");
    }

    @Test
    void aRunOnlyEverRaisesTheCountsItCounted(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        f.tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 16));

        UUID oddsOnly = f.tracking.call(WEEKLY_FULL.withMode("odds_only"), () -> {
            Tracker.current().increment(Metrics.ODDS_SYNCED, 40);
            return Tracker.current().runId().orElseThrow();
        });

        assertThat(f.row(READINESS)).containsEntry("games_count", 16).containsEntry("schedule_complete", true)
                .containsEntry("last_run", oddsOnly.toString());
    }

    @Test
    void operatorSqlCountsTheWeekFromTheApplicationsTables(PostgresDatabase db) {
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource())
                .gamesSql("SELECT count(*) FROM games WHERE season_year = :season_year AND week = :week"
                        + " AND season_type = :season_type")
                .predictionsSql("SELECT count(*) FROM predictions p JOIN games g ON g.id = p.game_id"
                        + " WHERE g.season_year = :season_year AND g.week = :week"));
        f.execute("CREATE TABLE games (id int PRIMARY KEY, season_year int, week int, season_type text)");
        f.execute("CREATE TABLE predictions (id int PRIMARY KEY, game_id int)");
        f.execute("INSERT INTO games SELECT g, 2025, 17, 'reg' FROM generate_series(1, 14) g");
        f.execute("INSERT INTO games VALUES (99, 2025, 16, 'reg')");
        f.execute("INSERT INTO predictions SELECT p, 1 + p % 14 FROM generate_series(1, 28) p");

        // what the run counted is not what the week has: the SQL wins
        f.tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 3));

        assertThat(f.row(READINESS)).containsEntry("games_count", 14).containsEntry("schedule_complete", true)
                .containsEntry("predictions_count", 28).containsEntry("predictions_available", true);
    }

    @Test
    void sqlCountsReplaceTheStoredCountsEvenWhenLower(PostgresDatabase db) {
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).gamesSql("SELECT 0"));
        f.execute("INSERT INTO data_readiness VALUES (2025, 17, 'reg', true, false, 16, 0, now(), NULL)");

        f.tracking.run(WEEKLY_FULL, () -> { });

        assertThat(f.row(READINESS)).containsEntry("games_count", 0).containsEntry("schedule_complete", false);
    }

    @Test
    void operatorSqlRunsReadOnly(PostgresDatabase db) {
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource())
                .gamesSql("WITH gone AS (DELETE FROM batch_runs RETURNING 1) SELECT count(*) FROM gone"));

        f.tracking.run(WEEKLY_FULL, () -> { });

        assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM data_readiness")).isZero();
    }

    @Test
    void anApplicationProbeDrivesReadinessWithItsOwnFlags(PostgresDatabase db) {
        List<Period> asked = new ArrayList<>();
        ReadinessProbe probe = period -> {
            asked.add(period);
            return new Readiness(period, false, true, 16, 120);
        };
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).readinessProbe(probe));

        f.tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 99));

        assertThat(asked).containsExactly(WEEK_17);
        assertThat(f.row(READINESS)).containsEntry("games_count", 16).containsEntry("schedule_complete", false)
                .containsEntry("predictions_count", 120).containsEntry("predictions_available", true);
    }

    @Test
    void sqlIsPreferredToTheProbeCountByCount(PostgresDatabase db) {
        ReadinessProbe probe = period -> new Readiness(period, true, true, 16, 120);
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).readinessProbe(probe)
                .gamesSql("SELECT 15"));

        f.tracking.run(WEEKLY_FULL, () -> { });

        assertThat(f.row(READINESS)).containsEntry("games_count", 15).containsEntry("predictions_count", 120);
    }

    @Test
    void aProbeIsFoundThroughServiceLoader(PostgresDatabase db) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("probe-services");
        java.nio.file.Path services = dir.resolve("META-INF/services");
        java.nio.file.Files.createDirectories(services);
        java.nio.file.Files.writeString(services.resolve(ReadinessProbe.class.getName()), FixedProbe.class.getName());
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).probeClassLoader(loader));

            f.tracking.run(WEEKLY_FULL, () -> { });

            assertThat(f.row(READINESS)).containsEntry("games_count", 13).containsEntry("predictions_count", 7);
        }
    }

    /** Registered only through the class loader of {@link #aProbeIsFoundThroughServiceLoader}. */
    public static final class FixedProbe implements ReadinessProbe {
        @Override
        public Readiness probe(Period period) {
            return new Readiness(period, true, true, 13, 7);
        }
    }

    @Test
    void aFailingRefreshLeavesTheRunsStatusAsItWas(PostgresDatabase db) {
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).gamesSql("SELECT 1 / 0"));

        f.tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 16));

        assertThat(f.row("SELECT status, games_processed FROM batch_runs"))
                .containsEntry("status", "success").containsEntry("games_processed", 16L);
        assertThat(f.count("SELECT count(*) FROM data_readiness")).isZero();
    }

    @Test
    void aThrowingProbeLeavesTheRunsStatusAsItWas(PostgresDatabase db) {
        ReadinessProbe broken = period -> {
            throw new java.io.IOException("games service unreachable");
        };
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).readinessProbe(broken));

        f.tracking.run(WEEKLY_FULL, () -> Tracker.current().warn("odds", "late odds"));

        assertThat(f.row("SELECT status FROM batch_runs")).containsEntry("status", "partial");
        assertThat(f.count("SELECT count(*) FROM data_readiness")).isZero();
    }

    @Test
    void aWeekCanBeRefreshedByHandFromTheConfiguredSources(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource())
                .gamesSql("SELECT CASE WHEN :week = 17 THEN 16 ELSE 0 END")
                .predictionsSql("SELECT 32"));

        f.store.refreshReadiness(WEEK_17);

        assertThat(f.row(READINESS)).containsEntry("games_count", 16).containsEntry("predictions_count", 32)
                .containsEntry("last_run", null);
        assertThat(f.store.queries().readiness(WEEK_17)).get()
                .extracting(DataReadiness::gamesCount, DataReadiness::lastRunId).containsExactly(16, null);
    }

    @Test
    void aManualRefreshWithoutSourcesSaysWhatToConfigure(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        assertThatThrownBy(() -> f.store.refreshReadiness(WEEK_17)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readiness.games-sql").hasMessageContaining("ReadinessProbe");
    }

    @Test
    void readinessIsKeptPerSeasonType(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        f.tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 16));
        f.tracking.run(WEEKLY_FULL.withPeriod(Period.of(2025, 1, io.batchtrack.SeasonType.POST)),
                () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 6));

        assertThat(f.rows("SELECT season_type, games_count FROM data_readiness ORDER BY season_type"))
                .containsExactly(Map.of("season_type", "post", "games_count", 6),
                        Map.of("season_type", "reg", "games_count", 16));
    }
}
