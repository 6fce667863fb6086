package io.batchtrack.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 19: a database that refuses batchtrack's login or privileges is an outage, not a
 * record to drop. Each batch runs in its own JVM (the warning is once per JVM), nine small runs as
 * in the report, against a role that really must give its password.
 */
@ExtendWith(PostgresExtension.class)
class AccessRefusedTest {
    private static final int TIMEOUT_MS = 5_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path spool;

    @Test
    void aWrongPasswordCostsNoConnectionTimeoutAndTheRunsWaitInTheSpoolUntilThePasswordIsRight(PostgresDatabase db)
            throws Exception {
        String role = db.createOwnerRole("right-password-0123");

        Batch batch = nineRuns(db, role, "wrong-password");

        // before the fix: each start and end waited out the 5 s timeout (90 s), and no run was spooled
        assertThat(batch.millis).as(batch.output).isLessThan(TIMEOUT_MS);
        assertThat(batch.warningsNaming("password authentication failed")).as(batch.output).singleElement()
                .asString().contains("password authentication failed for user '" + role
                        + "': check BATCHTRACK_JDBC_PASSWORD");
        assertThat(batch.output).doesNotContain("Connection is not available").doesNotContain("timed out")
                .doesNotContain("wrong-password").doesNotContain("right-password");
        assertThat(spooledRecords()).isEqualTo(18); // nine starts, nine ends

        handOverWith(db, role, "right-password-0123");
    }

    @Test
    void aRoleWithoutPrivilegesOnTheTablesIsReportedOnceAndItsRunsWaitInTheSpoolUntilItHasThem(PostgresDatabase db)
            throws Exception {
        Fixture.of(db); // migrated by the owner
        String role = db.createUnprivilegedRole("its-password-0123");

        Batch batch = nineRuns(db, role, "its-password-0123");

        assertThat(batch.millis).as(batch.output).isLessThan(TIMEOUT_MS);
        assertThat(batch.warningsNaming("permission denied")).as(batch.output).singleElement().asString()
                .contains("permission denied for table batchtrack_schema_history: grant that user SELECT, INSERT,"
                        + " UPDATE, DELETE on batchtrack's tables, or check BATCHTRACK_JDBC_USER");
        assertThat(batch.output).doesNotContain("its-password");
        assertThat(spooledRecords()).isEqualTo(18);

        Fixture.of(db).execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
        handOverWith(db, role, "its-password-0123");
    }

    /** A store whose credentials now work hands over every spooled run, once. */
    private void handOverWith(PostgresDatabase db, String role, String password) {
        try (PostgresRunStore store = PostgresRunStore.fromConfig(config(db, role, password))) {
            BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(spool).build();
            tracking.run(Fixture.WEEKLY_FULL.withMode("after_fix"), () -> { });
            Fixture f = Fixture.of(db);
            Poll.until(MINUTE, () -> f.count("SELECT count(*) FROM batch_runs WHERE status = 'success'"), n -> n == 10,
                    "the nine spooled runs and the new one written");
            Poll.until(MINUTE, this::spooledRecords, n -> n == 0, "the spool emptied");
            assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(10);
            tracking.close();
            System.out.println("FIGURES access-refused role=" + role + " runs=9 spooled=18 handed_over=9 lost=0");
        }
    }

    private Batch nineRuns(PostgresDatabase db, String role, String password) throws InterruptedException {
        Map<String, String> config = new HashMap<>();
        config.put("jdbc.user", role);
        config.put("jdbc.password", password);
        config.put("jdbc.connection-timeout-ms", Integer.toString(TIMEOUT_MS));
        config.put("spool.dir", spool.toString());
        try (ForkedJvm jvm = ForkedJvm.start(db, config, "nine")) {
            String line = jvm.awaitLine("NINE ", Duration.ofMinutes(3));
            assertThat(jvm.awaitExit(MINUTE)).as(jvm.output()).isZero();
            assertThat(line).endsWith(" sum=45"); // every body ran, every value came back
            return new Batch(Long.parseLong(line.replaceAll("NINE ms=(\\d+) .*", "$1")), jvm.output());
        }
    }

    private TrackerConfig config(PostgresDatabase db, String role, String password) {
        return TrackerConfig.of(Map.of(), Map.of("BATCHTRACK_JDBC_URL", db.jdbcUrl(), "BATCHTRACK_JDBC_USER", role,
                "BATCHTRACK_JDBC_PASSWORD", password));
    }

    private int spooledRecords() {
        try (Stream<Path> files = Files.list(spool)) {
            int n = 0;
            for (Path p : files.filter(f -> f.toString().endsWith(".spool")).toList()) {
                n += (int) Files.readAllLines(p).stream().filter(l -> l.startsWith("{\"op\"")).count();
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Batch(long millis, String output) {
        /** The WARNING lines that name {@code cause}; the engine's own lines about its spool name none. */
        List<String> warningsNaming(String cause) {
            return Arrays.stream(output.split("\n")).filter(l -> l.startsWith("WARNING") && l.contains(cause)).toList();
        }
    }
}
