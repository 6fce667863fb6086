package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @TrackedBatch(schedule = ...)} through the agent jar (its relocated tracker-schedule and
 * cron-utils): a forked JVM whose woven batches declare schedules leaves one
 * {@code batch_expectations} row per schedule, {@code source = 'annotation'}, even though it exits
 * right after its batches; the row an operator declared before is left as it was; a cron that does
 * not parse is logged with the value and the rule, and that batch's run is recorded as usual.
 */
@ExtendWith(PostgresExtension.class)
class AnnotatedScheduleIT {

    @Test
    void wovenSchedulesAreRegisteredAndAnOperatorsRowStays(PostgresDatabase pg) {
        Database db = new Database(pg, "annotated");
        BatchtrackSchema.migrate(pg.dataSource(), db.schema());
        db.rows("INSERT INTO {schema}.batch_expectations (batch_type, batch_mode, cron, grace, declared_at)"
                + " VALUES ('weekly_update', 'full', '0 6 * * 2', interval '2 hours', '2026-11-20T00:00:00Z')"
                + " RETURNING batch_type");

        AppRun run = db.configure(Forked.app(Jdk.current(), "app.scheduled.Main", TestApps.jar("scheduled", 17)), "")
                .run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.results()).as(run.toString()).containsExactly("roster.result=1", "weekly.result=2",
                "predictions.result=3", "done=true");
        List<Map<String, Object>> rows = db.rows("SELECT batch_type, batch_mode, cron, zone,"
                + " extract(epoch FROM grace)::bigint AS grace_s, extract(epoch FROM max_duration)::bigint AS max_s,"
                + " source FROM {schema}.batch_expectations ORDER BY batch_type");
        assertThat(rows).as(run.toString()).hasSize(2);
        assertThat(rows.get(0)).containsEntry("batch_type", "roster_refresh").containsEntry("batch_mode", "")
                .containsEntry("cron", "0 5 * * *").containsEntry("zone", "America/New_York")
                .containsEntry("grace_s", 1800L).containsEntry("max_s", null).containsEntry("source", "annotation");
        assertThat(rows.get(1)).containsEntry("batch_type", "weekly_update").containsEntry("batch_mode", "full")
                .containsEntry("cron", "0 6 * * 2").containsEntry("zone", "America/New_York")
                .containsEntry("grace_s", 7200L).containsEntry("max_s", null).containsEntry("source", "operator");
        // distinct: a warning written while the JVM exits goes to the log and to standard error, the same text
        assertThat(run.stderrLines("WARNING").stream().distinct()).as(run.toString()).singleElement().asString()
                .contains("does not register the expected schedule of app.scheduled.Main.generatePredictions")
                .contains("cron '0 12 * * 4 2026' does not parse")
                .contains("five fields: minute hour day-of-month month day-of-week");
        assertThat(db.rows("SELECT batch_type, status FROM {schema}.batch_runs ORDER BY batch_type")).containsExactly(
                Map.of("batch_type", "prediction_generation", "status", "success"),
                Map.of("batch_type", "roster_refresh", "status", "success"),
                Map.of("batch_type", "weekly_update", "status", "success"));
    }
}
