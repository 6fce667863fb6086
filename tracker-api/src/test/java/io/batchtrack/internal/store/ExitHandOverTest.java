package io.batchtrack.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchModes;
import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Trigger;
import io.batchtrack.internal.store.SpoolEntry.Op;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.InMemoryRunStore;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testing.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM-exit hand-over meets the start's hand-over of what ended processes left: a short batch JVM
 * whose run ends while the start's replay is still delivering must not cut that replay short.
 */
class ExitHandOverTest {
    private static final String DESTINATION = "jdbc:postgresql://db:5432/nfl#public";
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 17),
            Trigger.MANUAL, true);
    private static final Instant T = Instant.parse("2025-12-30T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void the_exit_waits_for_the_start_replay_of_an_ended_process_file_and_nothing_is_left() throws Exception {
        RunRecord ended = RunRecord.started(UUID.randomUUID(), null, SPEC, T, "41@host", null);
        Spool earlier = Spool.in(dir, DESTINATION, 1 << 20);
        earlier.append(Op.START, ended);
        earlier.append(Op.FINISH, ended.ended(RunStatus.SUCCESS, T.plusSeconds(5), null));
        earlier.close(); // an ended process's file
        SlowFirstStart store = new SlowFirstStart();
        SpoolingStore spooling = new SpoolingStore(store, Spool.in(dir, DESTINATION, 1 << 20),
                new Outage(Duration.ofSeconds(1)), new ReadinessRefresh(ReadinessRefresher.NONE), Duration.ofSeconds(20));

        Thread startReplay = new Thread(spooling::replayLeftovers, "start-replay");
        startReplay.start();
        store.entered.await(10, TimeUnit.SECONDS); // the start's replay is delivering the ended run's start
        Thread exit = new Thread(() -> spooling.handOver(true), "exit");
        exit.start();
        // the exit either returned at once (it did not see the replay) or waits for it: only then go on
        Poll.until(Duration.ofSeconds(10), () -> exit.getState() == Thread.State.TIMED_WAITING
                || exit.getState() == Thread.State.WAITING || exit.getState() == Thread.State.TERMINATED,
                "the exit hand-over returns or waits");
        try (LoggedLines log = LoggedLines.capture()) {
            store.release.countDown();
            exit.join(TimeUnit.SECONDS.toMillis(20));
            startReplay.join(TimeUnit.SECONDS.toMillis(20));

            assertThat(store.runs()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
            assertThat(dir.toFile().list()).as("nothing left in the spool").isEmpty();
            assertThat(log.containing("leaves")).isEmpty();
        }
    }

    @Test
    void what_the_exit_leaves_names_each_file_once_with_its_records() throws Exception {
        Spool earlier = Spool.in(dir, DESTINATION, 1 << 20);
        earlier.append(Op.START, RunRecord.started(UUID.randomUUID(), null, SPEC, T, "41@host", null));
        earlier.close(); // an ended process's file: 1 record
        Spool own = Spool.in(dir, DESTINATION, 1 << 20);
        own.hasOrphans(); // this engine has seen that file
        RunRecord mine = RunRecord.started(UUID.randomUUID(), null, SPEC, T, "42@host", null);
        own.append(Op.START, mine);
        own.append(Op.FINISH, mine.ended(RunStatus.SUCCESS, T.plusSeconds(5), null));

        try (LoggedLines log = LoggedLines.capture()) {
            own.close();

            List<String> leaves = log.containing("leaves").stream().map(LoggedLines.Line::text).toList();
            assertThat(leaves).singleElement().satisfies(line -> {
                assertThat(line).startsWith("batchtrack leaves 3 record(s) not handed to the store: 2 record(s) in ");
                assertThat(line.split(" record\\(s\\) in ", -1)).as("two files named, each once: %s", line).hasSize(3);
            });
        }
    }

    /** A store whose first start waits until the test lets it go, as a slow first connection does. */
    private static final class SlowFirstStart extends InMemoryRunStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void runStarted(RunRecord run) {
            if (entered.getCount() > 0) {
                entered.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.runStarted(run);
        }
    }
}
