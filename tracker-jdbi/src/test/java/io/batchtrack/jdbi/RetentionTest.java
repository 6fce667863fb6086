package io.batchtrack.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Old finished runs can be deleted, in small batches; running runs and data_readiness stay. */
@ExtendWith(PostgresExtension.class)
class RetentionTest {

    @Test
    void purgeDeletesFinishedRunsOlderThanTheAgeInBatchesAndKeepsEverythingElse(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        insertRuns(f, 23, "success", "interval '120 days'");
        insertRuns(f, 4, "failed", "interval '100 days'");
        insertRuns(f, 2, "skipped", "interval '95 days'");
        insertRuns(f, 1, "running", "interval '200 days'"); // never purged, however old
        insertRuns(f, 5, "success", "interval '10 days'");
        f.execute("INSERT INTO data_readiness VALUES (2025, 17, 'reg', true, false, 16, 0, now() - interval '200 days',"
                + " NULL)");
        RecordingDataSource recording = new RecordingDataSource(db.dataSource());

        long deleted = RunMaintenance.create(recording, "public").purge(Duration.ofDays(90), 10);

        assertThat(deleted).isEqualTo(29);
        assertThat(recording.statements()).hasSize(3).allMatch(s -> s.startsWith("DELETE FROM \"public\".batch_runs"));
        assertThat(f.rows("SELECT status, count(*) AS n FROM batch_runs GROUP BY status ORDER BY status"))
                .containsExactly(Map.of("status", "running", "n", 1L), Map.of("status", "success", "n", 5L));
        assertThat(f.count("SELECT count(*) FROM data_readiness")).isEqualTo(1);
    }

    @Test
    void aRunThatStartedLongAgoStaysWhenItsEndReachedTheDatabaseRecently(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, recorded_at) VALUES (gen_random_uuid(), 'weekly_update', 2025, 17, 'reg', 'manual',"
                + " 'running', now() - interval '100 days', now() - interval '100 days')");
        java.util.UUID id = (java.util.UUID) f.row("SELECT id FROM batch_runs").get("id");
        f.execute("UPDATE batch_runs SET status = 'failed', error_type = 'abandoned'"); // what a sweep does
        // the end arrives now, through the store's own upsert
        f.store.runFinished(finished(id, java.time.Instant.now().minus(Duration.ofDays(100)),
                java.time.Instant.now().minus(Duration.ofDays(99))));

        assertThat(f.store.maintenance().purge(Duration.ofDays(90))).isZero();
        assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(1);
    }

    /** Issue 12, item 17: age is the database's, not the batch host's, whose clock may be far behind. */
    @Test
    void runsRecordedRecentlyStayHoweverOldTheHostsClockSaysTheyAreAndOldRecordedRunsGo(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        java.time.Instant yearAgo = java.time.Instant.now().minus(Duration.ofDays(365));
        java.util.UUID late = java.util.UUID.randomUUID();
        // a host whose clock is a year behind: its started_at and completed_at say a year ago
        f.store.runFinished(finished(late, yearAgo, yearAgo.plusSeconds(60)));
        f.execute("INSERT INTO batch_runs (batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, completed_at, recorded_at) VALUES ('weekly_update', 2025, 17, 'reg', 'manual',"
                + " 'success', now(), now(), now() - interval '365 days')"); // received by the database a year ago

        long deleted = f.store.maintenance().purge(Duration.ofDays(90));

        assertThat(deleted).isEqualTo(1);
        assertThat(f.rows("SELECT id FROM batch_runs")).containsExactly(Map.of("id", late));
    }

    @Test
    void purgeRefusesAnAgeThatIsNotPositive(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        assertThatThrownBy(() -> f.store.maintenance().purge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive");
    }

    /** A run's end as a batch host sends it, with that host's times. */
    private static io.batchtrack.spi.RunRecord finished(java.util.UUID id, java.time.Instant start,
            java.time.Instant end) {
        return io.batchtrack.spi.RunRecord.started(id, null, Fixture.WEEKLY_FULL, start, "1@slow-clock", null)
                .ended(io.batchtrack.RunStatus.SUCCESS, end, null);
    }

    private static void insertRuns(Fixture f, int n, String status, String age) {
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, completed_at, recorded_at) SELECT gen_random_uuid(), 'weekly_update', 2025, 17, 'reg',"
                + " 'manual', '" + status + "', now() - " + age + ", " + (status.equals("running") ? "NULL" : "now() - "
                + age) + ", now() - " + age + " FROM generate_series(1, " + n + ")");
    }
}
