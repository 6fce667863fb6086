package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.config.ConflictPolicy;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's side of heartbeats, exclusive runs and outages, against a store that records what it is handed. */
class EngineReliabilityTest {
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 17),
            Trigger.MANUAL);
    private static final UUID HOLDER = UUID.fromString("01900000-0000-7000-8000-000000000001");

    @TempDir
    Path spool;

    @AfterEach
    void noRunLeftCurrent() {
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    @Test
    void an_open_run_hands_its_counters_to_the_store_every_interval_and_the_store_is_asked_to_sweep() throws Exception {
        RecordingStore store = new RecordingStore();
        BatchTracking tracking = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofMillis(100)).build();

        try (BatchTracker run = tracking.start(SPEC)) {
            run.increment(Metrics.GAMES_PROCESSED, 3);
            await(() -> store.progress.stream().anyMatch(p -> p.metric(Metrics.GAMES_PROCESSED) == 3),
                    "a heartbeat with the counters");
            run.complete();
        }

        assertThat(store.progress).isNotEmpty().allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(p.staleLimit()).isEqualTo(Duration.ofMillis(300));
        });
        assertThat(store.progress).anySatisfy(p -> assertThat(p.metric(Metrics.GAMES_PROCESSED)).isEqualTo(3));
        assertThat(store.sweeps).hasPositiveValue();
        assertThat(store.only().staleLimit()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void the_heartbeat_thread_lives_only_while_runs_are_open() throws Exception {
        BatchTracking tracking = BatchTracking.builder().store(new RecordingStore())
                .heartbeatInterval(Duration.ofMillis(100)).build();

        try (BatchTracker run = tracking.start(SPEC)) {
            await(() -> heartbeatThreads() == 1, "the heartbeat thread started");
            run.complete();
        }

        await(() -> heartbeatThreads() == 0, "the heartbeat thread gone once no run is open");
    }

    private static long heartbeatThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("batchtrack-heartbeat"))
                .count();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(10); // between two checks
        }
    }

    @Test
    void a_stale_limit_not_longer_than_the_interval_is_refused() {
        assertThatThrownBy(() -> BatchTracking.builder().heartbeatInterval(Duration.ofSeconds(5))
                .staleLimit(Duration.ofSeconds(5)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be longer than the heartbeat interval");
    }

    @Test
    void an_exclusive_run_that_loses_throws_and_is_handed_to_the_store_as_skipped_naming_the_holder() {
        ConflictingStore store = new ConflictingStore();
        BatchTracking tracking = BatchTracking.builder().store(store).build();
        AtomicBoolean ran = new AtomicBoolean();

        Throwable thrown = catchThrowable(() -> tracking.call(SPEC.withExclusive(true), () -> ran.getAndSet(true)));

        assertThat(ran).isFalse();
        assertThat(thrown).isInstanceOf(RunConflictException.class).isInstanceOf(TrackingException.class);
        RunRecord skipped = store.only();
        assertThat(skipped.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(skipped.finishedAt()).isEqualTo(skipped.startedAt());
        assertThat(skipped.failure().type()).isEqualTo("conflict");
        assertThat(skipped.failure().message()).contains(HOLDER.toString());
        assertThat(store.refreshed).isEmpty();
    }

    @Test
    void under_on_conflict_skip_only_bodies_without_a_result_are_skipped() {
        ConflictingStore store = new ConflictingStore();
        BatchTracking tracking = BatchTracking.builder().store(store).onConflict(ConflictPolicy.SKIP).build();
        AtomicBoolean ran = new AtomicBoolean();

        tracking.run(SPEC.withExclusive(true), () -> ran.set(true));
        Throwable call = catchThrowable(() -> tracking.call(SPEC.withExclusive(true), () -> 1));
        Throwable start = catchThrowable(() -> tracking.start(SPEC.withExclusive(true)));
        BatchTracker skipped = tracking.startOrSkip(SPEC.withExclusive(true));
        skipped.increment(Metrics.GAMES_PROCESSED, 1); // dropped: the attempt has ended
        skipped.close();

        assertThat(ran).isFalse();
        assertThat(call).isInstanceOf(RunConflictException.class);
        assertThat(start).isInstanceOf(RunConflictException.class);
        assertThat(skipped.isSkipped()).isTrue();
        assertThat(skipped.activeRun().lateUpdates()).isEqualTo(1);
        assertThat(store.finished).hasSize(4).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SKIPPED));
    }

    @SuppressWarnings("unused")
    static class Jobs {
        @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE, exclusive = true)
        void weekly(Period period) {}

        @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE, exclusive = true)
        int counted(Period period) {
            return 1;
        }
    }

    @Test
    void a_woven_void_method_is_skipped_under_on_conflict_skip_and_one_with_a_result_throws() throws Exception {
        ConflictingStore store = new ConflictingStore();
        BatchTracking previous = BatchTracking.setGlobal(BatchTracking.builder().store(store)
                .onConflict(ConflictPolicy.SKIP).build());
        try {
            TrackedMethod weekly = Woven.trackedMethod(Jobs.class.getDeclaredMethod("weekly", Period.class));
            TrackedMethod counted = Woven.trackedMethod(Jobs.class.getDeclaredMethod("counted", Period.class));
            Object[] args = {Period.regular(2025, 17)};

            ActiveRun run = Woven.enterOrSkip(weekly, args);
            boolean skips = Woven.skips(run);
            Woven.exit(weekly, run, null, null); // what the advice does after a skipped body
            Throwable withResult = catchThrowable(() -> Woven.enterOrSkip(counted, args));
            Throwable oldDoor = catchThrowable(() -> Woven.enter(weekly, args));

            assertThat(skips).isTrue();
            assertThat(withResult).isInstanceOf(RunConflictException.class);
            assertThat(oldDoor).as("a front door that cannot skip still never runs a losing body")
                    .isInstanceOf(RunConflictException.class);
            assertThat(store.started).isEmpty();
            assertThat(store.finished).hasSize(3).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(RunStatus.SKIPPED);
                assertThat(r.spec().exclusive()).isTrue();
            });
        } finally {
            BatchTracking.setGlobal(previous == null ? BatchTracking.builder().build() : previous);
        }
    }

    @Test
    void exclusive_types_from_the_configuration_make_runs_of_those_types_exclusive() {
        ConflictingStore store = new ConflictingStore();
        BatchTracking tracking = BatchTracking.builder().store(store).exclusiveTypes(List.of("weekly_update")).build();

        Throwable thrown = catchThrowable(() -> tracking.run(SPEC, () -> { }));
        Throwable otherMode = catchThrowable(() -> tracking.run(SPEC.withMode(null), () -> { }));
        tracking.run(new RunSpec(BatchTypes.ROSTER_REFRESH, null, Period.regular(2025, 17), Trigger.MANUAL), () -> { });

        assertThat(thrown).isInstanceOf(RunConflictException.class);
        assertThat(otherMode).as("the mode is not part of the key").isInstanceOf(RunConflictException.class);
        assertThat(store.finished).extracting(r -> r.spec().batchType() + " " + r.status())
                .containsExactly("weekly_update skipped", "weekly_update skipped", "roster_refresh success");
    }

    @Test
    void under_fail_fast_a_run_does_not_start_while_the_database_is_unreachable_and_the_exception_says_why() {
        RecordingStore store = new RecordingStore();
        store.failOnStart = new StoreUnavailableException("database at db:5432 is unreachable: Connection refused", null);
        BatchTracking tracking = BatchTracking.builder().store(store).policy(StoreFailurePolicy.FAIL).build();
        AtomicBoolean ran = new AtomicBoolean();

        Throwable thrown = catchThrowable(() -> tracking.run(SPEC, () -> ran.set(true)));

        assertThat(ran).isFalse();
        assertThat(thrown).isInstanceOf(TrackingException.class)
                .hasMessageContaining("its database is unreachable and on-store-failure=fail")
                .hasMessageContaining("Connection refused");
    }

    @Test
    void a_run_whose_database_is_unreachable_goes_on_and_its_records_wait_in_the_spool() throws Exception {
        RecordingStore store = new RecordingStore() {
            @Override
            public Optional<String> destination() {
                return Optional.of("test:db");
            }
        };
        store.failOnStart = new StoreUnavailableException("unreachable", null);
        store.failOnFinish = store.failOnStart;
        BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(spool)
                .heartbeatInterval(Duration.ofMillis(100)).build();

        int result = tracking.call(SPEC, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 2);
            return 7;
        });
        assertThat(result).isEqualTo(7);
        assertThat(spooledLines()).isEqualTo(2);

        store.failOnStart = null;
        store.failOnFinish = null;
        await(() -> !store.finished.isEmpty(), "the heartbeat hands the spool over");

        assertThat(store.started).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.RUNNING));
        assertThat(store.only().metric(Metrics.GAMES_PROCESSED)).isEqualTo(2);
        assertThat(store.refreshed).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(store.only().id()));
        tracking.close();
        assertThat(spooledLines()).isZero();
    }

    @Test
    void an_exclusive_run_that_ran_while_the_database_was_away_is_recorded_unguarded_if_its_period_is_taken_meanwhile()
            throws Exception {
        ConflictingStore store = new ConflictingStore() {
            @Override
            public Optional<String> destination() {
                return Optional.of("test:db");
            }
        };
        store.failOnStart = new StoreUnavailableException("unreachable", null);
        store.failOnFinish = store.failOnStart;
        BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(spool)
                .heartbeatInterval(Duration.ofMillis(100)).build();

        tracking.run(SPEC.withExclusive(true), () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 1));
        store.failOnStart = null;
        store.failOnFinish = null;
        await(() -> !store.finished.isEmpty(), "the heartbeat hands the spool over");
        tracking.close();

        assertThat(store.started).singleElement().satisfies(r -> assertThat(r.spec().exclusive()).isFalse());
        assertThat(store.only().status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(store.only().metric(Metrics.GAMES_PROCESSED)).isEqualTo(1);
    }

    @Test
    void the_configuration_sets_heartbeats_exclusivity_and_the_spool() {
        BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of("store", "none",
                "heartbeat-interval", "PT5S", "stale-limit", "20s", "exclusive.types", "weekly_update",
                "on-conflict", "skip", "spool.dir", spool.toString())));

        assertThat(tracking.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(tracking.onConflict()).isEqualTo(ConflictPolicy.SKIP);
        assertThat(tracking.toString()).contains("heartbeat-interval=PT5S");
    }

    @Test
    void a_bad_reliability_key_is_reported_by_name_and_under_fail_fast_stops_every_run() {
        BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of("store", "none",
                "on-store-failure", "fail", "exclusive.types", "weekly update")));

        assertThatThrownBy(() -> tracking.start(SPEC)).isInstanceOf(TrackingException.class)
                .hasMessageContaining("'exclusive.types'");
    }

    private long spooledLines() throws Exception {
        long n = 0;
        try (Stream<Path> files = Files.list(spool)) {
            for (Path p : files.toList()) {
                n += Files.readAllLines(p).stream().filter(l -> l.startsWith("{\"op\"")).count();
            }
        }
        return n;
    }

    /** A store whose every exclusive start loses to {@link #HOLDER}. */
    static class ConflictingStore extends RecordingStore {
        @Override
        public void runStarted(RunRecord run) {
            if (failOnStart == null && run.spec().exclusive()) {
                throw new RunConflictException(run.spec(), run.id(), HOLDER);
            }
            super.runStarted(run);
        }
    }
}
