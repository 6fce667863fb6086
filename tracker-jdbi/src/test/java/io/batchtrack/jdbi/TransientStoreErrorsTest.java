package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunConflictException;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database that answers but fails one statement for a passing reason (a serialization or deadlock
 * race, a refused connection slot, a terminated backend) is not an outage: the call is retried, the run
 * recorded, nothing spooled; and an exclusive run is never started unchecked while the database answers,
 * even inside an outage window that a real failure opened. The failures are raised by a trigger on
 * {@code batch_runs}, with the SQLSTATE the server would send.
 */
@ExtendWith(PostgresExtension.class)
class TransientStoreErrorsTest {
    private static final RunSpec EXCLUSIVE = WEEKLY_FULL.withExclusive(true);

    @TempDir
    Path spool;

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"40001", "40P01", "53300", "57P01"})
    void oneTransientErrorIsRetriedAndTheRunIsRecordedNotSpooled(String sqlState, PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        failNextInserts(f, 1, sqlState);
        BatchTracking tracking = tracking(f);

        tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 3));
        tracking.close();

        assertThat(f.rows("SELECT status, games_processed FROM batch_runs"))
                .extracting(r -> r.get("status") + "/" + r.get("games_processed")).containsExactly("success/3");
        assertThat(spooledRecords()).isZero();
        System.out.println("FIGURES transient-retry sqlstate=" + sqlState + " runs=1 rows=1 spooled=0");
    }

    @Test
    void anExclusiveRunIsCheckedByTheDatabaseEvenInsideAnOutageWindow(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        // another process holds the week
        UUID holder = UUID.randomUUID();
        f.store.runStarted(RunRecord.started(holder, null, EXCLUSIVE, Instant.now(), "other-host",
                Duration.ofMinutes(5)));
        BatchTracking tracking = tracking(f);
        // a failure that outlasts the retries opens the outage window (heartbeat-interval: 10 min)
        failNextInserts(f, 10, "40001");
        tracking.run(WEEKLY_FULL.withPeriod(Period.regular(2025, 18)), () -> { });
        assertThat(spooledRecords()).as("the window is open").isEqualTo(2);
        f.execute("DROP TRIGGER fault ON batch_runs"); // the database answers again

        AtomicBoolean ran = new AtomicBoolean();
        Throwable thrown = catchThrowable(() -> tracking.run(EXCLUSIVE, () -> ran.set(true)));
        tracking.close();

        assertThat(ran).as("the exclusive body ran while another run held its week").isFalse();
        assertThat(thrown).isInstanceOf(RunConflictException.class).hasMessageContaining(holder.toString());
        assertThat(f.count("SELECT count(*) FROM batch_runs WHERE status = 'skipped'")).isEqualTo(1);
        System.out.println("FIGURES exclusive-in-outage-window attempts=1 ran=0 skipped=1");
    }

    private BatchTracking tracking(Fixture f) {
        return BatchTracking.builder().store(f.store).heartbeatInterval(Duration.ofMinutes(10)).spoolDirectory(spool)
                .build();
    }

    /** The next {@code n} inserts into batch_runs fail with {@code sqlState} (a sequence: not rolled back). */
    private static void failNextInserts(Fixture f, int n, String sqlState) {
        f.execute("CREATE SEQUENCE fault_seq");
        f.execute("CREATE FUNCTION fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF nextval('fault_seq') <= " + n + " THEN"
                + " RAISE EXCEPTION 'injected fault' USING ERRCODE = '" + sqlState + "'; END IF;"
                + " RETURN NEW; END $$");
        f.execute("CREATE TRIGGER fault BEFORE INSERT ON batch_runs FOR EACH ROW"
                + " EXECUTE FUNCTION fault()");
    }

    private long spooledRecords() {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            long n = 0;
            for (Path p : files.filter(p -> p.toString().endsWith(".spool")).toList()) {
                n += Files.readAllLines(p).stream().filter(l -> l.startsWith("{\"op\"")).count();
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
