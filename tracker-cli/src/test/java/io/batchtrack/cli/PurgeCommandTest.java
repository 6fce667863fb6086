package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code batchtrack purge}: old finished runs deleted in batches (tracker-jdbi's RetentionTest tests the method). */
@ExtendWith(PostgresExtension.class)
class PurgeCommandTest {

    @Test
    void thePurgeCommandTakesAnIsoDurationAndReportsWhatItDeleted(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        insertRuns(f, 3, "partial", "interval '91 days'");
        insertRuns(f, 2, "partial", "interval '89 days'");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = cli(db, out, "purge", "--older-than", "P90D", "--batch-size", "2");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("deleted 3 finished run(s) older than P90D")
                .contains("data_readiness kept");
        assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(2);
    }


    @Test
    void thePurgeCommandRefusesAMissingZeroOrMalformedAge(PostgresDatabase db) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (List<String> args : List.of(List.of("purge"), List.of("purge", "--older-than", "P0D"),
                List.of("purge", "--older-than", "ninety days"), List.of("purge", "--older-than"),
                List.of("purge", "--older-than", "P90D", "--batch-size", "0"), List.of("sweep", "--older-than", "P1D"))) {
            assertThat(cliErr(db, err, args.toArray(new String[0]))).as(args.toString()).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("purge needs --older-than")
                .contains("--older-than P0D is not a positive duration")
                .contains("--older-than 'ninety days' is not a duration")
                .contains("--batch-size 0 is outside 1..100000").contains("sweep has no option --older-than");
    }


    private static void insertRuns(Fixture f, int n, String status, String age) {
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, completed_at, recorded_at) SELECT gen_random_uuid(), 'weekly_update', 2025, 17, 'reg',"
                + " 'manual', '" + status + "', now() - " + age + ", " + (status.equals("running") ? "NULL" : "now() - "
                + age) + ", now() - " + age + " FROM generate_series(1, " + n + ")");
    }

    private static int cli(PostgresDatabase db, ByteArrayOutputStream out, String... args) {
        return BatchtrackCli.run(args, config(db), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    private static int cliErr(PostgresDatabase db, ByteArrayOutputStream err, String... args) {
        return BatchtrackCli.run(args, config(db), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static TrackerConfig config(PostgresDatabase db) {
        return TrackerConfig.of(Map.of(), Map.of("BATCHTRACK_JDBC_URL", db.jdbcUrl(), "BATCHTRACK_JDBC_USER", db.user()));
    }
}
