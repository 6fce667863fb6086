package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.internal.Losses;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No loss is silent: every record batchtrack could not keep is counted by kind and reported to the database. */
@ExtendWith(PostgresExtension.class)
class LossReportTest {
    @Test
    void everyEndTheStoreRefusesIsCountedAndReportedToBatchLossesForTheStatusPageAndTheCli(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        BatchTracking tracking = BatchTracking.builder().store(new RefusingEnds(f.store))
                .heartbeatInterval(Duration.ofMillis(200)).spoolDirectory(null).build();

        for (int i = 0; i < 3; i++) {
            tracking.run(WEEKLY_FULL, () -> { });
        }
        long lostHere = Losses.counts().get("store-finish");
        Poll.until(Duration.ofSeconds(10), () -> f.store.queries().losses(10), l -> l.stream().anyMatch(r ->
                r.kind().equals("store-finish") && r.lost() == lostHere), "the losses reported by a heartbeat");
        tracking.close();

        List<LostRecords> rows = f.store.queries().losses(10);
        assertThat(rows).filteredOn(r -> r.kind().equals("store-finish")).singleElement().satisfies(r -> {
            assertThat(r.lost()).isEqualTo(lostHere).isGreaterThanOrEqualTo(3);
            assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(r.host()).isNotBlank();
        });
        assertThat(f.count("SELECT count(*) FROM batch_runs WHERE status = 'running'")).isEqualTo(3);
        System.out.println("FIGURES losses ends_refused=3 counted=" + lostHere + " reported_rows=" + rows.size());
    }

    @Test
    void aHeartbeatThatCameAfterItsRunsOwnEndIsNoLossAndWarnsOfNothingButASweptLiveRunStillWarns(
            PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        BatchTracking tracking = BatchTracking.builder().store(f.store).spoolDirectory(null).build();
        RunRecord[] late = new RunRecord[1];
        try (LogCapture logs = new LogCapture()) {
            BatchTracker run = tracking.start(WEEKLY_FULL);
            RunRecord snapshot = f.store.queries().run(run.id()).map(r -> RunRecord.started(r.id(), null, WEEKLY_FULL,
                    r.startedAt(), r.host(), null)).orElseThrow();
            run.close(); // its end is written; the heartbeat thread's snapshot was taken before
            f.store.runProgress(snapshot);
            assertThat(logs.text()).doesNotContain("is alive but its row is not running");

            BatchTracker swept = tracking.start(WEEKLY_FULL.withMode("odds_only"));
            f.execute("UPDATE batch_runs SET status = 'failed', error_type = 'abandoned', completed_at = now()"
                    + " WHERE id = '" + swept.id() + "'");
            late[0] = f.store.queries().run(swept.id()).map(r -> RunRecord.started(r.id(), null, WEEKLY_FULL,
                    r.startedAt(), r.host(), null)).orElseThrow();
            f.store.runProgress(late[0]);
            assertThat(logs.text()).contains("batchtrack run " + swept.id() + " (").contains("is alive but its row is"
                    + " not running");
            swept.close();
        }
        tracking.close();
    }

    /** A store that records starts but refuses every end with an error that is not an outage. */
    static final class RefusingEnds implements RunStore {
        private final RunStore delegate;

        RefusingEnds(RunStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void runStarted(RunRecord run) throws Exception {
            delegate.runStarted(run);
        }

        @Override
        public void runProgress(RunRecord run) throws Exception {
            delegate.runProgress(run);
        }

        @Override
        public void runFinished(RunRecord run) {
            throw new IllegalStateException("the end violates a check constraint (test)");
        }

        @Override
        public void reportLosses(String host, long pid, java.time.Instant startedAt, Map<String, Long> lost)
                throws Exception {
            delegate.reportLosses(host, pid, startedAt, lost);
        }

        @Override
        public Optional<String> destination() {
            return delegate.destination();
        }
    }
}
