package io.batchtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.Period;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** batch_expectations and the evaluation over batch_runs, in a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class SchedulesTest {
    private static final Instant DECLARED = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T11:00:00Z"); // 06:00 EST, 2026 week 13
    private static final Clock AFTER_DUE = Clock.fixed(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);

    @Test
    void declaredExpectationsAreListedReplacedAndRemoved(PostgresDatabase db) {
        new Rows(db);
        Schedules schedules = Schedules.create(db.dataSource(), "public");
        Expectation full = Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(2),
                Duration.ofHours(1), DECLARED);

        assertThat(schedules.declare(full)).isTrue();
        assertThat(schedules.declare(Expectation.declare("weekly_update", null, "0 6 * * *", "UTC", Duration.ZERO, null,
                DECLARED))).isTrue();
        assertThat(schedules.list()).containsExactly(
                new Expectation("weekly_update", null, "0 6 * * *", "UTC", Duration.ZERO, null, "operator", DECLARED),
                full);

        // replaced with the same cron: the declaration time (and so the past slots) stays
        schedules.declare(Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(3), null,
                DECLARED.plusSeconds(86_400)));
        assertThat(schedules.list().get(1)).extracting(Expectation::grace, Expectation::maxDuration,
                Expectation::declaredAt).containsExactly(Duration.ofHours(3), null, DECLARED);
        // a new cron: the old slots no longer apply
        schedules.declare(Expectation.declare("weekly_update", "full", "0 7 * * 2", null, null, null,
                DECLARED.plusSeconds(86_400)));
        assertThat(schedules.list().get(1).declaredAt()).isEqualTo(DECLARED.plusSeconds(86_400));

        assertThat(schedules.remove("weekly_update", "full")).isTrue();
        assertThat(schedules.remove("weekly_update", "full")).isFalse();
        assertThat(schedules.list()).extracting(Expectation::name).containsExactly("weekly_update");
    }

    @Test
    void anAnnotationsExpectationNeverReplacesAnOperatorsButReplacesItsOwn(PostgresDatabase db) {
        new Rows(db);
        Schedules schedules = Schedules.create(db.dataSource(), "public");
        schedules.declare(Expectation.declare("roster_refresh", null, "0 5 * * *", null, null, null, DECLARED));
        Expectation annotated = Expectation.declare("roster_refresh", null, "0 9 * * *", null, null, null, DECLARED)
                .fromAnnotation();

        assertThat(schedules.declare(annotated)).isFalse();
        assertThat(schedules.list()).extracting(Expectation::cron).containsExactly("0 5 * * *");

        schedules.remove("roster_refresh", null);
        assertThat(schedules.declare(annotated)).isTrue();
        assertThat(schedules.declare(Expectation.declare("roster_refresh", null, "0 10 * * *", null, null, null,
                DECLARED).fromAnnotation())).isTrue();
        assertThat(schedules.list()).extracting(Expectation::cron, Expectation::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0 10 * * *", "annotation"));
    }

    @Test
    void theEvaluationReadsTheRunsOfEachSlotFromBatchRuns(PostgresDatabase db) {
        Rows rows = new Rows(db);
        Schedules schedules = Schedules.create(db.dataSource(), "public");
        schedules.declare(Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(2), null,
                DECLARED));
        schedules.declare(Expectation.declare("prediction_generation", null, "0 6 * * 2", null, Duration.ofHours(2),
                null, DECLARED));
        rows.run("weekly_update", "odds_only", "success", TUESDAY.plusSeconds(10), TUESDAY.plusSeconds(70));

        ScheduleReport before = schedules.evaluate(AFTER_DUE);
        assertThat(before.expectations()).extracting(e -> e.slots().get(0).state())
                .containsExactly(SlotState.MISSED, SlotState.MISSED);

        // the spool delivers weekly_update's run after the outage, with its real times
        UUID spooled = rows.run("weekly_update", "full", "success", TUESDAY.plusSeconds(5), TUESDAY.plusSeconds(900));
        rows.run("prediction_generation", null, "failed", TUESDAY.plusSeconds(5), TUESDAY.plusSeconds(9));

        ScheduleReport after = schedules.evaluate(AFTER_DUE);
        Slot weekly = after.expectations().get(1).slots().get(0);
        assertThat(weekly).extracting(Slot::state, Slot::runId, Slot::period)
                .containsExactly(SlotState.OK, spooled, Period.regular(2026, 13));
        assertThat(after.expectations().get(0).slots().get(0).state()).isEqualTo(SlotState.FAILED);
        assertThat(after.expectations().get(0).slots()).hasSize(2); // 2026-11-24 and 2026-12-01
        assertThat(after.problems()).hasSize(1).first().asString()
                .startsWith("prediction_generation, 2026 week 13: failed (occurrence 2026-12-01T11:00:00Z");
        assertThat(after.expectations().get(1).nextDue()).isEqualTo(Instant.parse("2026-12-08T13:00:00Z"));
    }

    @Test
    void plainSqlDeclaresWithTheColumnDefaultsAndABadRowIsReportedNotThrown(PostgresDatabase db) {
        Rows rows = new Rows(db);
        rows.execute("INSERT INTO batch_expectations (batch_type, cron) VALUES ('roster_refresh', '0 5 * * *')");
        rows.execute("INSERT INTO batch_expectations (batch_type, cron, zone) VALUES ('odds_sync', '0 5 * * *',"
                + " 'Mars/Olympus')");
        Schedules schedules = Schedules.create(db.dataSource(), "public");

        Expectation roster = schedules.list().get(1);
        assertThat(roster).extracting(Expectation::mode, Expectation::zone, Expectation::grace, Expectation::source)
                .containsExactly(null, "America/New_York", Duration.ofHours(1), "operator");
        List<String> problems = schedules.evaluate(Clock.offset(Clock.systemUTC(), Duration.ofDays(2))).problems();
        assertThat(problems).anyMatch(p -> p.startsWith("odds_sync: invalid expectation: "));
        assertThat(problems).anyMatch(p -> p.startsWith("roster_refresh, ") && p.contains(": missed"));
        assertThatThrownBy(() -> rows.execute("INSERT INTO batch_expectations (batch_type, cron, grace)"
                + " VALUES ('roster_refresh', '0 6 * * *', '-1 hour')")).hasMessageContaining("batch_expectations_grace_check");
    }

    @Test
    void readmesSqlDeclaresTheSeedsThreeBatchTypes(PostgresDatabase db) throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        int start = readme.indexOf("```sql\nINSERT INTO batch_expectations");
        assertThat(start).as("README's Expected schedules has the SQL").isNotNegative();
        String sql = readme.substring(start + 7, readme.indexOf("\n```", start + 7));
        Rows rows = new Rows(db);

        rows.execute(sql);
        rows.execute(sql); // and again: it replaces

        assertThat(Schedules.create(db.dataSource(), "public").list()).extracting(Expectation::name, Expectation::cron,
                Expectation::grace).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("prediction_generation", "0 10 * * 4", Duration.ofHours(2)),
                        org.assertj.core.groups.Tuple.tuple("roster_refresh", "0 5 * * *", Duration.ofMinutes(30)),
                        org.assertj.core.groups.Tuple.tuple("weekly_update/full", "0 6 * * 2", Duration.ofHours(2)));
    }

    @Test
    void overdueRunsComeFromTheRunningRowsAndTheSuccessfulDurations(PostgresDatabase db) {
        Rows rows = new Rows(db);
        Instant now = AFTER_DUE.instant();
        for (int i = 0; i < 5; i++) {
            Instant start = now.minus(Duration.ofDays(7 * (i + 1)));
            rows.run("roster_refresh", null, "success", start, start.plus(Duration.ofMinutes(10)));
        }
        UUID stuck = rows.run("roster_refresh", null, "running", now.minus(Duration.ofMinutes(16)), null);
        rows.run("roster_refresh", null, "running", now.minus(Duration.ofMinutes(14)), null);

        ScheduleReport report = Schedules.create(db.dataSource(), "public").evaluate(AFTER_DUE);

        assertThat(report.overdue()).extracting(o -> o.run().id(), OverdueRun::limit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(stuck, Duration.ofMinutes(15)));
    }
}
