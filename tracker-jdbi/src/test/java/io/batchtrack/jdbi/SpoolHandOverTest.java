package io.batchtrack.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import io.batchtrack.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short batch JVMs (a CI job, a Kubernetes Job) that never close their engine: what they spool while
 * PostgreSQL is down is handed over by the next start, all of it, and a JVM whose database comes back
 * before it exits hands its own records over at exit. Each JVM is forked, configured only through
 * the environment, and ends by returning from {@code main}.
 */
@ExtendWith(PostgresExtension.class)
class SpoolHandOverTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path spool;

    @Test
    void oneShortStartHandsOverEverythingThatEarlierJvmsSpooledWhileTheDatabaseWasDown(PostgresDatabase db,
            PostgresServer server) throws Exception {
        assumeTrue(server.canRestart(), "only the embedded server can be stopped by a test");
        Fixture f = Fixture.of(db); // migrated before the outage
        String first;
        String second;
        String firstLeaves;
        StringBuilder said = new StringBuilder(); // what the forked JVMs printed, for a failure's message
        server.stop();
        try {
            try (ForkedJvm a = ForkedJvm.start(db, config("1s"), "once")) {
                first = a.awaitLine("RAN ", MINUTE).substring(4);
                firstLeaves = a.awaitLine("WARNING: batchtrack leaves", MINUTE);
                assertThat(a.awaitExit(MINUTE)).isZero();
                said.append("first JVM:\n").append(a.output());
            }
            try (ForkedJvm b = ForkedJvm.start(db, config("1s"), "once")) {
                second = b.awaitLine("RAN ", MINUTE).substring(4);
                assertThat(b.awaitExit(MINUTE)).isZero();
                said.append("second JVM:\n").append(b.output());
            }
            assertThat(spoolFiles()).hasSize(2);
        } finally {
            server.start();
        }
        assertThat(firstLeaves).as("the exit says what it leaves and where")
                .startsWith("WARNING: batchtrack leaves 2 record(s) not handed to the store: 2 record(s) in " + spool.toAbsolutePath().normalize());

        String third;
        String thirdOutput;
        try (ForkedJvm c = ForkedJvm.start(db, config("5s"), "once")) {
            third = c.awaitLine("RAN ", MINUTE).substring(4);
            assertThat(c.awaitExit(MINUTE)).isZero();
            thirdOutput = c.output();
            said.append("third JVM:\n").append(thirdOutput);
        }

        for (String id : List.of(first, second, third)) {
            assertThat(f.row("SELECT status, games_processed FROM batch_runs WHERE id = ?::uuid", id))
                    .as("run %s; the forked JVMs said:%n%s", id, said).containsEntry("status", "success")
                    .containsEntry("games_processed", 3L);
        }
        assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(3);
        assertThat(spoolFiles()).as("nothing left in the spool").isEmpty();
        assertThat(thirdOutput).doesNotContain("batchtrack leaves");
        System.out.println("FIGURES spool-next-start jvms_spooled=2 records=4 handed_over_by_one_short_start=4 left=0");
    }

    @Test
    void aJvmWhoseDatabaseIsBackBeforeItExitsHandsItsSpooledEndOverAtExit(PostgresDatabase db, PostgresServer server)
            throws Exception {
        assumeTrue(server.canRestart(), "only the embedded server can be stopped by a test");
        Fixture f = Fixture.of(db);
        // an hour between heartbeats: only the exit can hand the end over
        Map<String, String> config = Map.of("spool.dir", spool.toString(), "spool.exit-timeout", "10s",
                "heartbeat-interval", "1h", "stale-limit", "2h", "jdbc.connection-timeout-ms", "500");
        try (ForkedJvm batch = ForkedJvm.start(db, config, "end-on-cue")) {
            String id = batch.awaitLine("OPEN ", MINUTE).substring(5);
            server.stop();
            try {
                batch.send("END");
                batch.awaitLine("ENDED", MINUTE);
                assertThat(spoolFiles()).hasSize(1);
            } finally {
                server.start();
            }
            batch.send("EXIT");
            assertThat(batch.awaitExit(MINUTE)).isZero();

            String output = batch.output();
            assertThat(f.row("SELECT status, games_processed FROM batch_runs WHERE id = ?::uuid", id))
                    .as("the forked JVM said: %s", output).containsEntry("status", "success")
                    .containsEntry("games_processed", 5L);
            assertThat(spoolFiles()).isEmpty();
            assertThat(output).doesNotContain("batchtrack leaves");
        }
        System.out.println("FIGURES spool-exit-handover runs=1 spooled_ends=1 handed_over_at_exit=1 left=0");
    }

    private Map<String, String> config(String exitTimeout) {
        return Map.of("spool.dir", spool.toString(), "spool.exit-timeout", exitTimeout, "heartbeat-interval", "500ms",
                "jdbc.connection-timeout-ms", "500");
    }

    private List<Path> spoolFiles() {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
