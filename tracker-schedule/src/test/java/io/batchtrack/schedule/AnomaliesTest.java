package io.batchtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anomalies (issue 14, item 5) and overdue runs as flags of the runs a reader is shown, from rows of
 * a real PostgreSQL: weekly_update/full usually takes about 10 minutes, processes 16 games and syncs
 * 14 odds lines.
 */
@ExtendWith(PostgresExtension.class)
class AnomaliesTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T11:00:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);
    private static final long TEN_MINUTES = 600_000;

    @Test
    void aDurationOutsideThreeTimesTheMedianAndACounterDroppedToZeroAreFlaggedWithHowMuch(PostgresDatabase db) {
        Rows rows = usualWeeks(db, 5);
        UUID slow = rows.finished("weekly_update", "full", "partial", MONDAY, 4 * TEN_MINUTES, 16, 0);

        List<Anomaly> anomalies = flags(db, RunFlags.DEFAULT_FACTOR).get(slow).anomalies();

        assertThat(anomalies).extracting(Anomaly::what, Anomaly::value, Anomaly::median, Anomaly::factor)
                .containsExactly(tuple("duration_ms", 2_400_000L, 600_000.0, 4.0), tuple("odds_synced", 0L, 14.0, 0.0));
        assertThat(anomalies).extracting(Anomaly::describe).containsExactly(
                "duration_ms 2400000 is 4 x the median 600000", "odds_synced dropped to 0 (median 14)");
    }

    @Test
    void theBoundsThemselvesAreNormalAndTheFactorIsConfigurable(PostgresDatabase db) {
        Rows rows = usualWeeks(db, 5);
        UUID threeTimes = rows.finished("weekly_update", "full", "success", MONDAY, 3 * TEN_MINUTES, 16, 14);
        UUID third = rows.finished("weekly_update", "full", "success", MONDAY.plusSeconds(1), TEN_MINUTES / 3, 16, 14);
        UUID fourTimes = rows.finished("weekly_update", "full", "success", MONDAY.plusSeconds(2), 4 * TEN_MINUTES, 16,
                14);

        Map<UUID, RunFlags.Flags> k3 = flags(db, 3);
        Map<UUID, RunFlags.Flags> k5 = flags(db, 5);

        assertThat(k3.get(threeTimes).anomalies()).isEmpty();
        assertThat(k3.get(third).anomalies()).isEmpty();
        assertThat(k3.get(fourTimes).anomalies()).extracting(Anomaly::what).containsExactly("duration_ms");
        assertThat(k5.get(fourTimes).anomalies()).isEmpty();
        assertThatThrownBy(() -> RunFlags.create(db.dataSource(), "public", 1.0))
                .hasMessage("anomaly factor 1.0 is not a number more than 1 and at most 1000 (for example 3 or 2.5)");
    }

    @Test
    void theBaselineIsTheSameTypeAndModesSuccessesBeforeTheRunAndNeedsFiveOfThem(PostgresDatabase db) {
        Rows rows = usualWeeks(db, 4);
        // failed runs and another mode's are no part of full's baseline
        rows.finished("weekly_update", "full", "failed", MONDAY.minus(Duration.ofDays(2)), 1_000, 0, 0);
        rows.finished("weekly_update", "odds_only", "success", MONDAY.minus(Duration.ofDays(2)), 1_000, 0, 14);
        UUID fourBefore = rows.finished("weekly_update", "full", "success", MONDAY, 6 * TEN_MINUTES, 16, 14);
        UUID oddsOnly = rows.finished("weekly_update", "odds_only", "success", MONDAY, 50 * TEN_MINUTES, 0, 14);
        UUID fifth = rows.finished("weekly_update", "full", "success", MONDAY.plusSeconds(60), 6 * TEN_MINUTES, 16,
                14);

        Map<UUID, RunFlags.Flags> flags = flags(db, 3);

        assertThat(flags.get(fourBefore)).as("4 successes before it: too few").isEqualTo(RunFlags.Flags.NONE);
        assertThat(flags.get(oddsOnly)).as("1 odds_only success before it").isEqualTo(RunFlags.Flags.NONE);
        assertThat(flags.get(fifth).anomalies()).as("5 before it, its slow predecessor among them: median 10 min")
                .extracting(Anomaly::what, Anomaly::median).containsExactly(tuple("duration_ms", 600_000.0));
    }

    @Test
    void aRunningRunPastItsExpectationsMaximumIsOverdueAndHasNoAnomalies(PostgresDatabase db) {
        Rows rows = usualWeeks(db, 5);
        Schedules.create(db.dataSource(), "public").declare(Expectation.declare("weekly_update", "full", "0 6 * * 2",
                null, Duration.ofHours(2), Duration.ofHours(1), Instant.parse("2026-11-01T00:00:00Z")));
        UUID stuck = rows.run("weekly_update", "full", "running", NOW.instant().minus(Duration.ofMinutes(61)), null);
        UUID young = rows.run("weekly_update", "full", "running", NOW.instant().minus(Duration.ofMinutes(59)), null);

        Map<UUID, RunFlags.Flags> flags = flags(db, 3);

        assertThat(flags.get(stuck)).isEqualTo(new RunFlags.Flags(true, List.of()));
        assertThat(flags.get(young)).isEqualTo(RunFlags.Flags.NONE);
    }

    /** {@code n} Mondays of ten minutes, 16 games and 14 odds lines (one of them 11 minutes), before MONDAY. */
    private static Rows usualWeeks(PostgresDatabase db, int n) {
        Rows rows = new Rows(db);
        for (int i = n; i >= 1; i--) {
            rows.finished("weekly_update", "full", "success", MONDAY.minus(Duration.ofDays(7L * i)),
                    i == 2 ? 660_000 : TEN_MINUTES, 16, 14);
        }
        return rows;
    }

    private static Map<UUID, RunFlags.Flags> flags(PostgresDatabase db, double k) {
        List<BatchRun> shown = BatchRunQueries.create(db.dataSource(), "public").history(
                io.batchtrack.jdbi.RunFilter.newest(100));
        return RunFlags.create(db.dataSource(), "public", k).of(shown, NOW);
    }
}
