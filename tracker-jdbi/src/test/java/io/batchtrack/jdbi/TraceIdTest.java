package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.RunStatus;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** batch_runs.trace_id (schema version 8): the trace a listener named at the run's opening, in the start row and after. */
@ExtendWith(PostgresExtension.class)
class TraceIdTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** Names the same trace for every run, as a tracing listener would name the run's own. */
    private static final RunListener TRACING = new RunListener() {
        @Override
        public String runOpening(RunRecord run) {
            return TRACE;
        }
    };

    @Test
    void theStartRowKeepsTheTraceIdTheListenerNamedAndTheEndKeepsIt(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        try (BatchTracking tracking = BatchTracking.builder().store(f.store).listener(TRACING).spoolDirectory(null)
                .build()) {
            UUID id;
            try (BatchTracker run = tracking.start(WEEKLY_FULL)) {
                id = run.id();
                assertThat(f.row("SELECT status, trace_id FROM batch_runs WHERE id = ?::uuid", id.toString()))
                        .as("written with the start row").containsEntry("status", "running")
                        .containsEntry("trace_id", TRACE);
                run.complete();
            }
            assertThat(f.row("SELECT status, trace_id FROM batch_runs WHERE id = ?::uuid", id.toString()))
                    .containsEntry("status", "success").containsEntry("trace_id", TRACE);
            assertThat(f.store.queries().run(id)).hasValueSatisfying(r -> assertThat(r.traceId()).isEqualTo(TRACE));
        }
    }

    @Test
    void anEndWhoseStartNeverArrivedStillWritesTheTraceId(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        Instant t = Instant.parse("2025-12-30T15:00:00Z");
        RunRecord ended = RunRecord.started(UUID.randomUUID(), null, WEEKLY_FULL, t, "1@host", null)
                .withTraceId(TRACE).ended(RunStatus.SUCCESS, t.plusSeconds(1), null);

        f.store.runFinished(ended); // a spool replay whose start was lost

        assertThat(f.row("SELECT trace_id FROM batch_runs WHERE id = ?::uuid", ended.id().toString()))
                .containsEntry("trace_id", TRACE);
    }

    @Test
    void runsWithoutTracingHaveNone(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID id = f.tracking.call(WEEKLY_FULL, () -> io.batchtrack.Tracker.current().runId().orElseThrow());

        assertThat(f.row("SELECT trace_id FROM batch_runs WHERE id = ?::uuid", id.toString()))
                .containsEntry("trace_id", null);
    }
}
