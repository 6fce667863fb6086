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
    void theRunsOfAPeriodThatEndedRecentlyStayEvenIfTheyStartedLongAgo(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, completed_at) VALUES (gen_random_uuid(), 'weekly_update', 2025, 17, 'reg', 'manual',"
                + " 'success', now() - interval '100 days', now() - interval '1 day')");

        assertThat(f.store.maintenance().purge(Duration.ofDays(90))).isZero();
    }

    @Test
    void purgeRefusesAnAgeThatIsNotPositive(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        assertThatThrownBy(() -> f.store.maintenance().purge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive");
    }

    private static void insertRuns(Fixture f, int n, String status, String age) {
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, completed_at) SELECT gen_random_uuid(), 'weekly_update', 2025, 17, 'reg', 'manual', '"
                + status + "', now() - " + age + ", " + (status.equals("running") ? "NULL" : "now() - " + age)
                + " FROM generate_series(1, " + n + ")");
    }
}
