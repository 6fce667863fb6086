package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.config.ConflictPolicy;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.InMemoryRunStore;
import io.batchtrack.testing.ScriptedStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tracked call made inside a run of the same batch type and period joins that run: no new row,
 * its counters go into the run around it, its exception still reaches its caller as is. Calls of
 * another type (or period) still open runs of their own, nested by {@code parent_run_id}.
 */
class ReentranceTest {
    private static final Period WEEK = Period.regular(2025, 9);
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, WEEK, Trigger.MANUAL);

    private final ScriptedStore store = new ScriptedStore(new InMemoryRunStore());
    private BatchTracking tracking = BatchTracking.builder().store(store).build();

    @AfterEach
    void close() {
        tracking.close();
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    private int recurse(RunSpec spec, int depth) {
        return tracking.call(spec, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED);
            return depth == 0 ? 1 : 1 + recurse(spec, depth - 1);
        });
    }

    @Test
    void a_recursive_call_of_depth_three_records_one_run_with_every_level_counted() {
        int levels = recurse(SPEC, 3);

        assertThat(levels).isEqualTo(4);
        assertThat(store.started()).hasSize(1);
        RunRecord run = store.only();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.metric(Metrics.GAMES_PROCESSED)).isEqualTo(4);
    }

    @Test
    void an_exclusive_recursive_call_never_collides_with_its_own_outer_run() {
        tracking.close();
        tracking = BatchTracking.builder().store(store).onConflict(ConflictPolicy.FAIL).build();

        int levels = recurse(SPEC.withExclusive(true), 2);

        assertThat(levels).isEqualTo(3);
        assertThat(store.held().runs()).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
    }

    @Test
    void a_skippable_exclusive_inner_call_of_the_same_week_runs_its_body() {
        tracking.close();
        tracking = BatchTracking.builder().store(store).onConflict(ConflictPolicy.SKIP).build();
        RunSpec exclusive = SPEC.withExclusive(true);
        AtomicBoolean innerRan = new AtomicBoolean();

        tracking.run(exclusive, () -> tracking.run(exclusive, () -> innerRan.set(true)));

        assertThat(innerRan).as("skip would silently drop real work").isTrue();
        assertThat(store.held().runs()).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
    }

    @Test
    void the_inner_call_exception_reaches_its_caller_as_is_and_the_outer_run_decides_its_status() {
        IllegalStateException inner = new IllegalStateException("inner failed");

        String result = tracking.call(SPEC, () -> {
            Throwable caught = catchThrowable(() -> tracking.run(SPEC, () -> {
                throw inner;
            }));
            assertThat(caught).isSameAs(inner);
            return "outer recovered";
        });

        assertThat(result).isEqualTo("outer recovered");
        assertThat(store.only().status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void a_block_inside_a_run_of_the_same_week_joins_it_and_closing_it_ends_nothing() {
        try (BatchTracker outer = tracking.start(SPEC)) {
            try (BatchTracker inner = tracking.start(SPEC)) {
                inner.increment(Metrics.API_CALLS_MADE, 2);
                inner.complete();
            }
            assertThat(Tracker.current().runId()).contains(outer.id());
            Tracker.current().increment(Metrics.API_CALLS_MADE);
            outer.complete();
        }

        assertThat(store.only().metric(Metrics.API_CALLS_MADE)).isEqualTo(3);
    }

    @Test
    void an_asynchronous_inner_call_of_the_same_week_leaves_the_outer_run_current() {
        tracking.call(SPEC, () -> {
            BatchTracker inner = tracking.start(SPEC);
            inner.detach();
            CompletableFuture.completedFuture("x").whenComplete((v, t) -> inner.finish(t));
            assertThat(Tracker.current().isActive()).as("the outer run is still current").isTrue();
            return null;
        });

        assertThat(store.finished()).hasSize(1);
    }

    @Test
    void another_type_or_another_week_still_nests_with_its_parent() {
        RunSpec other = new RunSpec(BatchTypes.PREDICTION_GENERATION, BatchModes.FULL, WEEK, Trigger.MANUAL);
        RunSpec nextWeek = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 10),
                Trigger.MANUAL);

        tracking.run(SPEC, () -> {
            tracking.run(other, () -> { });
            tracking.run(nextWeek, () -> { });
        });

        assertThat(store.finished()).hasSize(3);
        RunRecord outer = store.finished().get(2);
        assertThat(store.finished().get(0).parentId()).isEqualTo(outer.id());
        assertThat(store.finished().get(1).parentId()).isEqualTo(outer.id());
    }
}
