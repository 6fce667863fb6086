package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testing.ScriptedStore;
import org.junit.jupiter.api.Test;

/**
 * RunListener.runOpening: the trace id a listener names reaches the store with the start and every later
 * record; a listener that throws there, or names something that is not a trace id, is logged and
 * changes nothing else.
 */
class RunOpeningTest {
    private static final RunSpec SPEC = RunSpec.of("weekly_update", Period.regular(2026, 13));
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static RunListener naming(String traceId) {
        return new RunListener() {
            @Override
            public String runOpening(RunRecord run) {
                return traceId;
            }

            @Override
            public String toString() {
                return "naming " + traceId;
            }
        };
    }

    private static final RunListener THROWING = new RunListener() {
        @Override
        public String runOpening(RunRecord run) {
            throw new LinkageError("tracer missing");
        }

        @Override
        public String toString() {
            return "throwing";
        }
    };

    @Test
    void theFirstValidTraceIdReachesTheStartAndTheEndPastListenersThatThrowOrNameGarbage() {
        ScriptedStore store = new ScriptedStore();
        try (LoggedLines log = LoggedLines.capture(); BatchTracking tracking = BatchTracking.builder().store(store)
                .listener(THROWING).listener(naming("not-a-trace-id")).listener(naming(TRACE))
                .listener(naming("0af7651916cd43dd8448eb211c80319c")).build()) {
            int result = tracking.call(SPEC, () -> 7);

            assertThat(result).isEqualTo(7);
            assertThat(log.containing("run listener throwing failed in runOpening")).isNotEmpty();
            assertThat(log.containing("named a trace id that is not")).anySatisfy(l -> assertThat(l.text())
                    .contains("naming not-a-trace-id").contains("\"not-a-trace-id\""));
        }
        assertThat(store.started()).singleElement().satisfies(r -> assertThat(r.traceId()).isEqualTo(TRACE));
        assertThat(store.finished()).singleElement().satisfies(r -> assertThat(r.traceId()).isEqualTo(TRACE));
    }

    @Test
    void withoutATracingListenerRunsHaveNoTraceId() {
        ScriptedStore store = new ScriptedStore();
        try (BatchTracking tracking = BatchTracking.builder().store(store).listener(naming(null)).build()) {
            tracking.run(SPEC, () -> { });
        }
        assertThat(store.finished()).singleElement().satisfies(r -> assertThat(r.traceId()).isNull());
    }
}
