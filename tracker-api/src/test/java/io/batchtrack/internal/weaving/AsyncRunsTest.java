package io.batchtrack.internal.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.engine.Engine;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class AsyncRunsTest {
    private final List<RunRecord> finished = new CopyOnWriteArrayList<>();
    private final Engine engine = new Engine(EngineSettings.defaults(), new RunStore() {
        @Override
        public void runStarted(RunRecord run) {}

        @Override
        public void runFinished(RunRecord run) {
            finished.add(run);
        }
    }, null, Clock.systemUTC(), List.of(), null);

    /** A future whose completion callbacks have not run yet, as when the caller's join() woke first. */
    static final class Lagging<T> extends CompletableFuture<T> {
        @Override
        public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
            return this;
        }
    }

    private ActiveRun start() {
        ActiveRun run = engine.open(RunSpec.of(BatchTypes.PREDICTION_GENERATION, Period.regular(2024, 1)), false);
        run.detach();
        return run;
    }

    @Test
    void a_completed_future_ends_its_run_on_completion() {
        CompletableFuture<String> f = new CompletableFuture<>();
        AsyncRuns.endOnCompletion(start(), f);
        assertThat(finished).isEmpty();
        f.complete("16 predictions");
        assertThat(finished).singleElement().extracting(RunRecord::status).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void a_cancelled_future_ends_its_run_failed_with_error_type_cancelled_and_later_counts_are_dropped() {
        CompletableFuture<String> f = new CompletableFuture<>();
        ActiveRun run = start();
        AsyncRuns.endOnCompletion(run, f);

        f.cancel(true);
        run.increment("predictions", 1); // the work goes on after its caller gave up

        assertThat(finished).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.failure().type()).isEqualTo("cancelled");
            assertThat(r.failure().message()).contains("may still be running");
        });
        assertThat(run.lateUpdates()).isEqualTo(1);
    }

    @Test
    void a_future_that_fails_is_not_taken_for_cancelled() {
        CompletableFuture<String> f = new CompletableFuture<>();
        AsyncRuns.endOnCompletion(start(), f);
        f.completeExceptionally(new java.util.concurrent.TimeoutException("orTimeout"));
        assertThat(finished).singleElement().satisfies(r ->
                assertThat(r.failure().type()).isEqualTo("java.util.concurrent.TimeoutException"));
    }

    @Test
    void at_shutdown_a_done_future_whose_callback_has_not_run_is_recorded() {
        Lagging<String> done = new Lagging<>();
        Lagging<String> failed = new Lagging<>();
        Lagging<String> neverDone = new Lagging<>();
        AsyncRuns.endOnCompletion(start(), done);
        AsyncRuns.endOnCompletion(start(), failed);
        AsyncRuns.endOnCompletion(start(), neverDone);
        done.complete("ok");
        failed.completeExceptionally(new IllegalStateException("model crashed"));

        AsyncRuns.flush();

        assertThat(finished).extracting(RunRecord::status)
                .containsExactlyInAnyOrder(RunStatus.SUCCESS, RunStatus.FAILED);
        assertThat(finished).filteredOn(r -> r.status() == RunStatus.FAILED).singleElement()
                .satisfies(r -> assertThat(r.failure().message()).isEqualTo("model crashed"));
    }
}
