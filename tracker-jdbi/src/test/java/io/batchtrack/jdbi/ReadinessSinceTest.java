package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEK_17;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.spi.Readiness;
import io.batchtrack.spi.ReadinessProbe;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema version 6: since when each readiness flag of a week has been true, as the refresh keeps it
 * ({@code schedule_complete_at}, {@code predictions_available_at}); readiness deadlines read it.
 */
@ExtendWith(PostgresExtension.class)
class ReadinessSinceTest {
    private static final String SINCE = "SELECT schedule_complete, schedule_complete_at, predictions_available,"
            + " predictions_available_at FROM data_readiness WHERE season_year = 2025 AND week = 17"
            + " AND season_type = 'reg'";
    private static final Instant T1 = Instant.parse("2025-12-23T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-12-24T10:00:00Z");
    private static final Instant T3 = Instant.parse("2025-12-25T10:00:00Z");
    private static final Instant T4 = Instant.parse("2025-12-26T10:00:00Z");

    @Test
    void aFlagsTimeIsSetWhenItTurnsTrueKeptWhileTrueAndClearedWhenFalse(PostgresDatabase db) throws Exception {
        Probe probe = new Probe();
        SetClock clock = new SetClock();
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).readinessProbe(probe).clock(clock));

        refresh(f, clock, probe, T1, false, true);
        assertThat(f.row(SINCE)).containsEntry("schedule_complete", false).containsEntry("schedule_complete_at", null)
                .containsEntry("predictions_available_at", utc(T1));

        refresh(f, clock, probe, T2, true, true);
        assertThat(f.row(SINCE)).containsEntry("schedule_complete_at", utc(T2))
                .containsEntry("predictions_available_at", utc(T1));

        refresh(f, clock, probe, T3, true, false);
        assertThat(f.row(SINCE)).containsEntry("schedule_complete_at", utc(T2))
                .containsEntry("predictions_available", false).containsEntry("predictions_available_at", null);

        refresh(f, clock, probe, T4, true, true);
        assertThat(f.row(SINCE)).containsEntry("schedule_complete_at", utc(T2))
                .containsEntry("predictions_available_at", utc(T4));
    }

    @Test
    void aRefreshOfAnEarlierTimeArrivingLaterMovesTheTimeBack(PostgresDatabase db) throws Exception {
        // a run whose end the spool replays after a later run's: the week was ready at its real end
        Probe probe = new Probe();
        SetClock clock = new SetClock();
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).readinessProbe(probe).clock(clock));

        refresh(f, clock, probe, T3, true, false);
        refresh(f, clock, probe, T2, true, false);

        assertThat(f.row(SINCE)).containsEntry("schedule_complete_at", utc(T2));
    }

    @Test
    void aRowTrueSinceBeforeVersionSixKeepsNoTime(PostgresDatabase db) throws Exception {
        Probe probe = new Probe();
        SetClock clock = new SetClock();
        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).readinessProbe(probe).clock(clock));
        f.execute("INSERT INTO data_readiness VALUES (2025, 17, 'reg', true, false, 16, 0, now(), NULL)");

        refresh(f, clock, probe, T2, true, true);

        assertThat(f.row(SINCE)).containsEntry("schedule_complete", true).containsEntry("schedule_complete_at", null)
                .containsEntry("predictions_available_at", utc(T2));
    }

    @Test
    void aRunsRefreshStampsTheRunsEnd(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        f.tracking.run(Fixture.WEEKLY_FULL, () -> io.batchtrack.Tracker.current()
                .increment(io.batchtrack.Metrics.GAMES_PROCESSED, 16));

        Map<String, Object> run = f.row("SELECT completed_at FROM batch_runs");
        assertThat(f.row(SINCE)).containsEntry("schedule_complete_at", run.get("completed_at"))
                .containsEntry("predictions_available_at", null);
    }

    @Test
    void theTableRefusesATimeOnAFalseFlag(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> f.execute("INSERT INTO data_readiness"
                + " (season_year, week,"
                + " season_type, schedule_complete, predictions_available, games_count, predictions_count, updated_at,"
                + " schedule_complete_at) VALUES (2025, 17, 'reg', false, false, 0, 0, now(), now())"));

        assertThat(thrown).hasMessageContaining("data_readiness_schedule_complete_at_check");
    }

    private static void refresh(Fixture f, SetClock clock, Probe probe, Instant at, boolean schedule,
            boolean predictions) throws Exception {
        clock.at = at;
        probe.schedule = schedule;
        probe.predictions = predictions;
        f.store.refreshReadiness(WEEK_17);
    }

    private static Timestamp utc(Instant t) {
        return Timestamp.from(t);
    }

    private static final class Probe implements ReadinessProbe {
        volatile boolean schedule;
        volatile boolean predictions;

        @Override
        public Readiness probe(io.batchtrack.Period period) {
            return new Readiness(period, schedule, predictions, schedule ? 16 : 0, predictions ? 32 : 0);
        }
    }

    private static final class SetClock extends Clock {
        volatile Instant at = T1;

        @Override
        public Instant instant() {
            return at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
