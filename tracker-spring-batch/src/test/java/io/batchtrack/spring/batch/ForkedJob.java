package io.batchtrack.spring.batch;

import io.batchtrack.BatchTracking;
import io.batchtrack.Tracker;
import io.batchtrack.config.TrackerConfig;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A Spring Batch JVM for {@link KilledJobTest}: Spring Batch's job repository and batchtrack on the
 * database that the {@code BATCHTRACK_JDBC_*} environment variables name (batchtrack configured only
 * through the environment, like a deployment). Its job's step counts 7 games, prints
 * {@code IN_STEP <run id>} and waits to be killed.
 */
public final class ForkedJob {
    private ForkedJob() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(System.getenv("BATCHTRACK_JDBC_URL"));
        dataSource.setUser(System.getenv("BATCHTRACK_JDBC_USER"));
        dataSource.setPassword(System.getenv("BATCHTRACK_JDBC_PASSWORD"));
        BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.fromEnvironment());
        SpringBatch batch = new SpringBatch(dataSource, false);
        batch.run(batch.taskletJob("weeklyUpdate", "holdGames", (contribution, context) -> {
            Tracker.current().increment("games_processed", 7);
            System.out.println("IN_STEP " + Tracker.current().runId().orElseThrow());
            new CountDownLatch(1).await(); // until SIGKILL
            return null;
        }, BatchtrackJobListener.of(tracking)), new JobParametersBuilder().addLong("season_year", 2025L)
                .addLong("week", 17L).toJobParameters());
    }
}
