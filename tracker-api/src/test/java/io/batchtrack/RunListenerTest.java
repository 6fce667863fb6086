package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunListenerProvider;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners see every run's start, heartbeats and end; whatever one throws never reaches the batch. */
class RunListenerTest {
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 17),
            Trigger.MANUAL);

    /** Keeps what it is told. */
    public static class Recording implements RunListener {
        final List<RunRecord> started = new CopyOnWriteArrayList<>();
        final List<RunRecord> progress = new CopyOnWriteArrayList<>();
        final List<RunRecord> finished = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void runStarted(RunRecord run) {
            started.add(run);
        }

        @Override
        public void runProgress(RunRecord run) {
            progress.add(run);
        }

        @Override
        public void runFinished(RunRecord run) {
            finished.add(run);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    /** Throws {@code failure} from every callback. */
    static final class Throwing implements RunListener {
        private final Throwable failure;
        final AtomicInteger calls = new AtomicInteger();

        Throwing(Throwable failure) {
            this.failure = failure;
        }

        private void fail() {
            calls.incrementAndGet();
            if (failure instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }

        @Override
        public void runStarted(RunRecord run) {
            fail();
        }

        @Override
        public void runProgress(RunRecord run) {
            fail();
        }

        @Override
        public void runFinished(RunRecord run) {
            fail();
        }

        @Override
        public void close() {
            fail();
        }
    }

    @Test
    void a_listener_sees_the_start_each_heartbeat_and_the_end_with_the_records_the_store_got() {
        ScriptedStore store = new ScriptedStore();
        Recording listener = new Recording();
        BatchTracking tracking = BatchTracking.builder().store(store).listener(listener)
                .heartbeatInterval(Duration.ofMillis(100)).build();

        try (BatchTracker run = tracking.start(SPEC)) {
            run.increment(Metrics.GAMES_PROCESSED, 4);
            Poll.until(Duration.ofSeconds(20), () -> listener.progress.stream()
                    .anyMatch(p -> p.metric(Metrics.GAMES_PROCESSED) == 4), "a heartbeat with the counters");
            run.warn("odds", "2 games without odds");
            run.complete();
        }
        tracking.close();

        assertThat(listener.started).containsExactlyElementsOf(store.started());
        assertThat(listener.progress).allSatisfy(p -> {
            assertThat(p.id()).isEqualTo(store.only().id());
            assertThat(p.status()).isEqualTo(RunStatus.RUNNING);
        });
        assertThat(listener.finished).containsExactly(store.only());
        assertThat(listener.finished.get(0).status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(listener.closed).as("closed with the engine").hasValue(1);
    }

    @Test
    void a_skipped_attempt_and_a_failed_run_are_told_as_they_ended() {
        ScriptedStore store = new ScriptedStore().conflictingWith(java.util.UUID.randomUUID());
        Recording listener = new Recording();
        BatchTracking tracking = BatchTracking.builder().store(store).listener(listener).build();

        assertThatThrownBy(() -> tracking.run(SPEC.withExclusive(true), () -> { }))
                .isInstanceOf(RunConflictException.class);
        IllegalStateException boom = new IllegalStateException("box score missing");
        assertThatThrownBy(() -> tracking.run(SPEC, () -> {
            throw boom;
        })).isSameAs(boom);

        assertThat(listener.started).as("the skipped attempt never started").hasSize(1);
        assertThat(listener.finished).extracting(RunRecord::status).containsExactly(RunStatus.SKIPPED, RunStatus.FAILED);
        assertThat(listener.finished.get(1).failure().message()).isEqualTo("box score missing");
    }

    @Test
    void a_listener_that_throws_never_touches_the_batch_the_store_or_the_other_listeners() {
        ScriptedStore store = new ScriptedStore();
        Throwing runtime = new Throwing(new IllegalStateException("listener bug"));
        Throwing error = new Throwing(new StackOverflowError("listener recursion"));
        Recording after = new Recording();
        BatchTracking tracking = BatchTracking.builder().store(store).listener(runtime).listener(error).listener(after)
                .heartbeatInterval(Duration.ofMillis(100)).build();

        int result = tracking.call(SPEC, () -> {
            Tracker.current().increment(Metrics.ODDS_SYNCED, 2);
            Poll.until(Duration.ofSeconds(20), () -> !after.progress.isEmpty(), "a heartbeat past the failing listeners");
            return 7;
        });
        IllegalArgumentException body = new IllegalArgumentException("the batch's own");
        assertThatThrownBy(() -> tracking.run(SPEC, () -> {
            throw body;
        })).isSameAs(body);
        tracking.close();

        assertThat(result).isEqualTo(7);
        assertThat(body.getSuppressed()).isEmpty();
        assertThat(store.finished()).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS, RunStatus.FAILED);
        assertThat(store.finished().get(0).metric(Metrics.ODDS_SYNCED)).isEqualTo(2);
        assertThat(after.finished).hasSize(2);
        assertThat(after.closed).hasValue(1);
        assertThat(runtime.calls.get()).isGreaterThanOrEqualTo(6);
        assertThat(error.calls.get()).isGreaterThanOrEqualTo(6);
    }

    /** Made by ServiceLoader: records into {@link #MADE} what it is asked for. */
    public static class RecordingProvider implements RunListenerProvider {
        static final List<Object[]> MADE = new CopyOnWriteArrayList<>();
        static final Recording LISTENER = new Recording();

        @Override
        public RunListener create(TrackerConfig config, RunStore store) {
            if (config.get("test.listener").isEmpty()) {
                return RunListener.NONE;
            }
            MADE.add(new Object[] {config, store});
            return LISTENER;
        }
    }

    /** A provider whose every call fails with an Error. */
    public static class FailingProvider implements RunListenerProvider {
        @Override
        public RunListener create(TrackerConfig config, RunStore store) {
            throw new NoClassDefFoundError("io/example/MissingDependency");
        }
    }

    /** A provider that cannot be instantiated. */
    public static class UnmakeableProvider implements RunListenerProvider {
        public UnmakeableProvider() {
            throw new IllegalStateException("no default settings");
        }

        @Override
        public RunListener create(TrackerConfig config, RunStore store) {
            return RunListener.NONE;
        }
    }

    @Test
    void an_engine_from_configuration_asks_every_provider_found_through_the_context_loader_and_skips_broken_ones(
            @TempDir Path dir) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(RunListenerProvider.class.getName()), String.join("\n",
                "io.batchtrack.NoSuchProvider", UnmakeableProvider.class.getName(), FailingProvider.class.getName(),
                RecordingProvider.class.getName()) + "\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        BatchTracking tracking;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            TrackerConfig config = TrackerConfig.of(Map.of("store", "log", "test.listener", "on", "spool.dir", "none"));
            tracking = BatchTracking.fromConfig(config);
            assertThat(RecordingProvider.MADE).singleElement().satisfies(made -> {
                assertThat(made[0]).isSameAs(config);
                assertThat(made[1]).as("the configured store, not the engine's spooling wrapper")
                        .isSameAs(tracking.store());
            });
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }

        tracking.run(SPEC, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 1));
        tracking.close();

        assertThat(RecordingProvider.LISTENER.finished).singleElement()
                .satisfies(r -> assertThat(r.metric(Metrics.GAMES_PROCESSED)).isEqualTo(1));
        assertThat(RecordingProvider.LISTENER.closed).hasValue(1);
    }
}
