package io.batchtrack.spring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auto-configuration in an application that has a job bean and never mentions batchtrack's
 * listener: its executions are runs, under the job's own name or the mapped type; it stays out when
 * turned off or when Spring Batch is not on the class path.
 */
@ExtendWith(PostgresExtension.class)
class AutoConfigurationTest {
    private SpringBatch batch;
    private JdbcTemplate sql;
    private ApplicationContextRunner application;

    @BeforeEach
    void setUp(PostgresDatabase db) {
        PostgresRunStore store = PostgresRunStore.builder(db.dataSource()).build();
        store.ensureReady();
        BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(null).build();
        batch = new SpringBatch(db.dataSource());
        sql = new JdbcTemplate(db.dataSource());
        application = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BatchtrackSpringBatchAutoConfiguration.class))
                .withBean(BatchTracking.class, () -> tracking)
                .withBean("importGamesJob", Job.class, () -> batch.chunkJob("importGamesJob", List.of(1, 2, 3), g -> g, null));
    }

    @Test
    void everyJobBeanIsTrackedUnderItsOwnName() {
        application.run(context -> {
            batch.run(context.getBean(Job.class), new JobParametersBuilder().addLong("run", 1L).toJobParameters());

            assertThat(sql.queryForMap("SELECT batch_type, status, (custom_metrics->>'load_games_read_count')::int AS read"
                    + " FROM batch_runs")).containsEntry("batch_type", "import_games_job").containsEntry("status", "success")
                    .containsEntry("read", 3);
        });
    }

    @Test
    void aJobTypesPropertyGivesAJobABatchType() {
        application.withPropertyValues("batchtrack.spring-batch.job-types.importGamesJob=weekly_update").run(context -> {
            batch.run(context.getBean(Job.class), new JobParametersBuilder().addLong("run", 1L).toJobParameters());

            assertThat(sql.queryForList("SELECT batch_type FROM batch_runs", String.class)).containsExactly("weekly_update");
        });
    }

    @Test
    void aBatchTypeThatBreaksTheNameRuleStopsTheStartNamingTheJobAndTheType() {
        application.withPropertyValues("batchtrack.spring-batch.job-types.importGamesJob=Weekly Update").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("batch type of job importGamesJob 'Weekly Update' does not match [a-z][a-z0-9_]{0,62}"));
    }

    @Test
    void turnedOffTheJobsRunUntracked() {
        application.withPropertyValues("batchtrack.spring-batch.enabled=false").run(context -> {
            batch.run(context.getBean(Job.class), new JobParametersBuilder().addLong("run", 1L).toJobParameters());

            assertThat(context).doesNotHaveBean(BatchtrackJobListener.class);
            assertThat(sql.queryForObject("SELECT count(*) FROM batch_runs", Long.class)).isZero();
        });
    }

    @Test
    void itsKeysHaveMetadataForIdeCompletion() throws Exception {
        try (var metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).as("the configuration processor's metadata").isNotNull();
            assertThat(new String(metadata.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"batchtrack.spring-batch.enabled\"", "\"batchtrack.spring-batch.job-types\"");
        }
    }

    @Test
    void withoutSpringBatchOnTheClassPathItStaysOut() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BatchtrackSpringBatchAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(Job.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BatchtrackJobListener.class));
    }
}
