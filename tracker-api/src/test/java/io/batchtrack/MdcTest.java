package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Without the agent: the SLF4J MDC (Logback's, a real provider) follows the current run, also into wrapped tasks. */
class MdcTest {
    private static final RunSpec WEEKLY = RunSpec.of(BatchTypes.WEEKLY_UPDATE, Period.regular(2024, 1));

    private final BatchTracking tracking = BatchTracking.builder().store(new RecordingStore()).build();

    @Test
    void theMdcCarriesTheRunOnItsThreadAndOnWrappedWorkersAndForgetsItAfterwards() throws Exception {
        ExecutorService pool = Tracker.wrap(Executors.newFixedThreadPool(2));
        AtomicReference<Map<String, String>> onMain = new AtomicReference<>();
        AtomicReference<Map<String, String>> onWorker = new AtomicReference<>();
        AtomicReference<String> runId = new AtomicReference<>();
        try {
            tracking.run(WEEKLY, () -> {
                runId.set(Tracker.current().runId().orElseThrow().toString());
                onMain.set(MDC.getCopyOfContextMap());
                onWorker.set(pool.submit(MDC::getCopyOfContextMap).get(30, TimeUnit.SECONDS));
            });
            Map<String, String> workerAfter = pool.submit(MDC::getCopyOfContextMap).get(30, TimeUnit.SECONDS);

            assertThat(onMain.get()).containsEntry("batchtrack.run_id", runId.get())
                    .containsEntry("batchtrack.batch_type", "weekly_update");
            assertThat(onWorker.get()).containsEntry("batchtrack.run_id", runId.get())
                    .containsEntry("batchtrack.batch_type", "weekly_update");
            assertThat(MDC.get("batchtrack.run_id")).isNull();
            assertThat(workerAfter == null ? Map.of() : workerAfter).doesNotContainKey("batchtrack.run_id");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNestedRunShowsItselfAndTheOuterRunComesBack() {
        RunSpec inner = RunSpec.of(BatchTypes.PREDICTION_GENERATION, Period.regular(2024, 1));
        tracking.run(WEEKLY, () -> {
            String outer = MDC.get("batchtrack.run_id");
            tracking.run(inner, () -> assertThat(MDC.get("batchtrack.batch_type")).isEqualTo("prediction_generation"));
            assertThat(MDC.get("batchtrack.run_id")).isEqualTo(outer);
            assertThat(MDC.get("batchtrack.batch_type")).isEqualTo("weekly_update");
        });
    }
}
