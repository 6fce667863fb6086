package io.batchtrack.spring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.Tracker;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Batch jobs with the listener, Spring Batch's job repository and batchtrack's tables on the
 * same PostgreSQL database; what is checked is batchtrack's rows (and that Spring Batch's own say
 * what Spring Batch says).
 */
@ExtendWith(PostgresExtension.class)
class SpringBatchJobsTest {
    /** A Tuesday of the 2025 regular season's week 17, by which "the current NFL week" is computed. */
    private static final Clock WEEK_17 = Clock.fixed(Instant.parse("2025-12-24T15:00:00Z"), ZoneOffset.UTC);

    private BatchTracking tracking;
    private BatchtrackJobListener listener;
    private SpringBatch batch;
    private JdbcTemplate sql;

    @BeforeEach
    void setUp(PostgresDatabase db) {
        PostgresRunStore store = PostgresRunStore.builder(db.dataSource()).build();
        store.ensureReady();
        tracking = BatchTracking.builder().store(store).clock(WEEK_17).spoolDirectory(null).build();
        listener = BatchtrackJobListener.of(tracking);
        batch = new SpringBatch(db.dataSource());
        sql = new JdbcTemplate(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        tracking.close();
        assertThat(Tracker.current().isActive()).as("a job's run left current on the test thread").isFalse();
    }

    @Test
    void aJobThatCompletesIsASuccessWithItsStepCounts() {
        JobExecution execution = batch.run(batch.chunkJob("weeklyUpdate", List.of(1, 2, 3, 4, 5, 6, 7), g -> g, listener),
                week(2025, 17).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> run = onlyRun();
        assertThat(run).containsEntry("batch_type", "weekly_update").containsEntry("status", "success")
                .containsEntry("season_year", 2025).containsEntry("week", 17).containsEntry("season_type", "reg");
        assertThat(customMetrics()).containsEntry("read_count", 7L).containsEntry("write_count", 7L)
                .containsEntry("skip_count", 0L).containsEntry("commit_count", 3L)
                .containsEntry("load_games_read_count", 7L).containsEntry("load_games_write_count", 7L)
                .containsEntry("load_games_commit_count", 3L);
        assertThat(run.get("warnings")).hasToString("[]");
        assertThat(batch.recordedStatus(execution)).isEqualTo("COMPLETED");
    }

    @Test
    void aJobWithASkippedItemIsPartialWithAWarningNamingItsStep() {
        JobExecution execution = batch.run(batch.chunkJob("weeklyUpdate", List.of(1, 2, 3, 4, 5), g -> {
            if (g == 4) {
                throw new IllegalArgumentException("game 4 has no home team");
            }
            return g;
        }, listener), week(2025, 17).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(onlyRun()).containsEntry("status", "partial");
        assertThat(customMetrics()).containsEntry("skip_count", 1L).containsEntry("write_count", 4L);
        assertThat(sql.queryForList("SELECT w->>'stage' AS stage, w->>'message' AS message"
                + " FROM batch_runs, jsonb_array_elements(warnings) w")).containsExactly(
                        Map.of("stage", "loadGames", "message", "skipped 1 items (0 on read, 1 in process, 0 on write)"));
    }

    @Test
    void aJobWhoseStepThrowsFailsWithTheExceptionAndItsMessage() {
        JobExecution execution = batch.run(batch.taskletJob("weeklyUpdate", "syncSchedule", (contribution, context) -> {
            throw new IllegalStateException("the schedule feed answered 503");
        }, listener), week(2025, 17).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(onlyRun()).containsEntry("status", "failed")
                .containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", "the schedule feed answered 503");
        assertThat(sql.queryForObject("SELECT warnings->0->>'stage' FROM batch_runs", String.class)).isEqualTo("syncSchedule");
        assertThat(sql.queryForObject("SELECT warnings->0->>'message' FROM batch_runs", String.class))
                .contains("FAILED").contains("the schedule feed answered 503");
        assertThat(batch.recordedStatus(execution)).isEqualTo("FAILED");
    }

    @Test
    void aStoppedJobFailsWithTheInterruptionSpringBatchRecorded() {
        JobExecution execution = batch.run(batch.taskletJob("weeklyUpdate", "syncSchedule", (contribution, context) -> {
            contribution.getStepExecution().setTerminateOnly(); // what an operator's stop does
            return RepeatStatus.FINISHED;
        }, listener), week(2025, 17).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(onlyRun()).containsEntry("status", "failed")
                .containsEntry("error_type", "org.springframework.batch.core.job.JobInterruptedException")
                .containsEntry("error_message", "Job interrupted status detected.");
        assertThat(batch.recordedStatus(execution)).isEqualTo("STOPPED");
    }

    @Test
    void theModeAndPeriodComeFromTheJobParameters() {
        batch.run(batch.chunkJob("weeklyUpdate", List.of(1), g -> g, listener), new JobParametersBuilder()
                .addString("batch_mode", "odds_only").addLong("season_year", 2024L).addString("week", "2")
                .addString("season_type", "post").toJobParameters());

        assertThat(onlyRun()).containsEntry("batch_mode", "odds_only").containsEntry("season_year", 2024)
                .containsEntry("week", 2).containsEntry("season_type", "post").containsEntry("status", "success");
    }

    @Test
    void withoutPeriodParametersTheRunIsForTheCurrentNflWeek() {
        Period current = NflCalendar.current(WEEK_17);

        batch.run(batch.chunkJob("weeklyUpdate", List.of(1), g -> g, listener),
                new JobParametersBuilder().addLong("run", 1L).toJobParameters());

        assertThat(onlyRun()).containsEntry("season_year", current.seasonYear()).containsEntry("week", current.week())
                .containsEntry("season_type", current.seasonType().code()).containsEntry("status", "success");
        assertThat(current).isEqualTo(Period.regular(2025, 17));
    }

    @Test
    void aWeekParameterOutOfRangeIsAWarningAndTheRunIsForTheCurrentWeek() {
        JobExecution execution = batch.run(batch.chunkJob("weeklyUpdate", List.of(1), g -> g, listener),
                week(2025, 25).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(onlyRun()).containsEntry("status", "partial").containsEntry("week", 17);
        assertThat(sql.queryForObject("SELECT warnings->0->>'message' FROM batch_runs", String.class))
                .contains("week=25").contains("week 25 is outside the reg season's range 1..18");
    }

    @Test
    void aMappedJobIsRecordedUnderItsBatchType() {
        batch.run(batch.chunkJob("importGamesJob", List.of(1), g -> g, listener.withJobTypes(Map.of("importGamesJob", "weekly_update"))),
                week(2025, 17).toJobParameters());

        assertThat(onlyRun()).containsEntry("batch_type", "weekly_update");
    }

    @Test
    void whatTheJobCountsThroughTrackerCurrentGoesIntoItsRun() {
        batch.run(batch.taskletJob("weeklyUpdate", "syncSchedule", (contribution, context) -> {
            Tracker.current().increment("games_processed", 16);
            return RepeatStatus.FINISHED;
        }, listener), week(2025, 17).toJobParameters());

        assertThat(onlyRun()).containsEntry("games_processed", 16L).containsEntry("status", "success");
    }

    @Test
    void aPartitionedStepCountsItsItemsOnceUnderItsManagerStep() {
        JobExecution execution = batch.run(batch.partitionedJob("weeklyUpdate", 3, 4, listener),
                week(2025, 17).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(onlyRun()).containsEntry("status", "success");
        assertThat(customMetrics()).containsEntry("read_count", 12L).containsEntry("write_count", 12L)
                .containsEntry("load_weeks_read_count", 12L).doesNotContainKey("load_games_week0_read_count");
    }

    private static JobParametersBuilder week(long year, long week) {
        return new JobParametersBuilder().addLong("season_year", year).addLong("week", week);
    }

    private Map<String, Object> onlyRun() {
        List<Map<String, Object>> runs = sql.queryForList("SELECT * FROM batch_runs");
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private Map<String, Long> customMetrics() {
        Map<String, Long> metrics = new java.util.TreeMap<>();
        sql.query("SELECT key, value::bigint AS value FROM batch_runs, jsonb_each_text(custom_metrics)",
                rs -> {
                    metrics.put(rs.getString("key"), rs.getLong("value"));
                });
        return metrics;
    }

}
