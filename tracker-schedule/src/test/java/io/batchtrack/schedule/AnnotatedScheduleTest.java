package io.batchtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.TrackedBatch;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @TrackedBatch(schedule = ...)} through an engine built from configuration over PostgreSQL
 * (tracker-schedule's listener found by {@code ServiceLoader}, as under the agent and the aspect):
 * the first look-up of the method writes its row of {@code batch_expectations}, an operator's row
 * is never replaced, and a value that cannot be used is logged with the value and the rule while
 * the call is tracked as usual. The forked-JVM version, through the agent jar, is tracker-agent's
 * {@code AnnotatedScheduleIT}.
 */
@ExtendWith(PostgresExtension.class)
class AnnotatedScheduleTest {

    static final class RosterRefresh {
        @TrackedBatch(type = "roster_refresh", schedule = "0 5 * * *", grace = "30m", maxDuration = "2h")
        static void run() {}
    }

    static final class WeeklyUpdate {
        @TrackedBatch(type = "weekly_update", mode = "full", schedule = "0 9 * * 2", zone = "UTC")
        static void run() {}
    }

    static final class BadCron {
        @TrackedBatch(type = "prediction_generation", schedule = "0 12 * * 4 2026")
        static int run() {
            return 5;
        }
    }

    static final class BadZone {
        @TrackedBatch(type = "prediction_generation", schedule = "0 12 * * 4", zone = "America/Gotham")
        static void run() {}
    }

    private static Method run(Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals("run")) {
                return m;
            }
        }
        throw new AssertionError("no run() in " + type);
    }

    /** Looks the methods up through a global engine built from configuration, then closes it (which waits). */
    private static void lookUp(PostgresDatabase db, Class<?>... types) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        if (db.password() != null && !db.password().isEmpty()) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        env.put("BATCHTRACK_SPOOL_DIR", "none");
        BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of(), env));
        BatchTracking previous = BatchTracking.setGlobal(tracking);
        try {
            for (Class<?> type : types) {
                TrackedMethod tracked = Woven.trackedMethod(run(type));
                ActiveRun opened = Woven.enter(tracked, new Object[0]);
                assertThat(opened).as("the run of " + type.getSimpleName()).isNotNull();
                Woven.exit(tracked, opened, null, null);
            }
        } finally {
            tracking.close();
            if (previous != null) {
                BatchTracking.setGlobal(previous);
            }
        }
    }

    @Test
    void anAnnotatedScheduleIsRegisteredAndAnOperatorsIsNeverReplaced(PostgresDatabase db) {
        new Rows(db);
        Schedules schedules = Schedules.create(db.dataSource(), "public");
        Instant declared = Instant.parse("2026-11-20T00:00:00Z");
        Expectation operators = Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(2),
                null, declared);
        schedules.declare(operators);

        try (LoggedLines log = LoggedLines.capture()) {
            lookUp(db, RosterRefresh.class, WeeklyUpdate.class);

            assertThat(log.containing("keeps the operator's expectation of weekly_update/full")).hasSize(1);
        }

        List<Expectation> rows = schedules.list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).extracting(Expectation::batchType, Expectation::mode, Expectation::cron,
                Expectation::zone, Expectation::grace, Expectation::maxDuration, Expectation::source)
                .containsExactly("roster_refresh", null, "0 5 * * *", "America/New_York", Duration.ofMinutes(30),
                        Duration.ofHours(2), "annotation");
        assertThat(rows.get(1)).isEqualTo(operators);
        assertThat(rowCount(db, "batch_runs")).isEqualTo(2); // both runs recorded as usual
    }

    @Test
    void aCronOrZoneThatCannotBeUsedIsLoggedWithTheValueAndTheRuleAndTheRunIsRecorded(PostgresDatabase db) {
        new Rows(db);
        try (LoggedLines log = LoggedLines.capture()) {
            lookUp(db, BadCron.class, BadZone.class);

            assertThat(log.containing("does not register")).extracting(LoggedLines.Line::text).satisfiesExactlyInAnyOrder(
                    l -> assertThat(l).contains(BadCron.class.getName() + ".run")
                            .contains("cron '0 12 * * 4 2026' does not parse")
                            .contains("five fields: minute hour day-of-month month day-of-week")
                            .endsWith("; its runs are tracked as usual"),
                    l -> assertThat(l).contains(BadZone.class.getName() + ".run")
                            .contains("zone 'America/Gotham' is not a known time zone"));
        }
        assertThat(Schedules.create(db.dataSource(), "public").list()).isEmpty();
        assertThat(rowCount(db, "batch_runs")).isEqualTo(2);
    }

    private static long rowCount(PostgresDatabase db, String table) {
        try (var c = db.dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM public." + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
