package io.batchtrack.benchmarks;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.Trigger;
import io.batchtrack.internal.context.CurrentRun;
import io.batchtrack.internal.context.RunOnThread;
import io.batchtrack.internal.context.RunScope;
import io.batchtrack.spi.RunStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Item 1: one increment of a counter that all benchmark threads share, inside a run, against
 * Micrometer's {@code Counter.increment()} (SimpleMeterRegistry, cumulative) and the OpenTelemetry
 * SDK's {@code LongCounter.add(1)} (SdkMeterProvider with a cumulative reader that is never asked
 * to export). Run with one thread ({@link OneThread}) and with two ({@link TwoThreads}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public abstract class HotPath {

    /** The three counters, each shared by every benchmark thread. */
    @State(Scope.Benchmark)
    public static class Counters {
        BatchTracker run;
        RunOnThread current; // the engine's run behind it, as the thread-local holds it
        SimpleMeterRegistry registry;
        Counter micrometer;
        SdkMeterProvider meterProvider;
        CollectingReader reader;
        LongCounter otel;

        @Setup(Level.Trial)
        public void setUp() {
            BatchTracking tracking = BatchTracking.builder().store(RunStore.NONE).trigger(Trigger.MANUAL).build();
            run = tracking.start(RunSpec.of("weekly_update", Period.regular(2025, 17)));
            current = CurrentRun.get();
            run.detach(); // each benchmark thread makes it current on itself, see OnThread
            registry = new SimpleMeterRegistry();
            micrometer = Counter.builder("games_processed").register(registry);
            reader = new CollectingReader();
            meterProvider = SdkMeterProvider.builder().registerMetricReader(reader).build();
            otel = meterProvider.get("batchtrack-bench").counterBuilder("games_processed").build();
        }

        @TearDown(Level.Trial)
        public void tearDown(BenchmarkParams params) {
            String name = params.getBenchmark();
            double counted = name.endsWith(".micrometer") ? micrometer.count()
                    : name.endsWith(".opentelemetry") ? reader.sum("games_processed")
                    : run.metric(Metrics.GAMES_PROCESSED);
            run.complete();
            run.close();
            meterProvider.close();
            registry.close();
            // a benchmark whose work the JIT optimised away would leave its counter at zero
            if (counted <= 0) {
                throw new IllegalStateException(name + " counted nothing");
            }
        }
    }

    /** The shared run, current on this benchmark thread (what {@code Tracker.wrap} does for a pool's worker). */
    @State(Scope.Thread)
    public static class OnThread {
        private RunScope scope;

        @Setup(Level.Trial)
        public void attach(Counters counters) {
            scope = RunScope.enter(counters.current);
        }

        @TearDown(Level.Trial)
        public void detach() {
            if (scope != null) {
                scope.close();
            }
        }
    }

    /** What a batch writes: the current run from the thread, then the add. */
    @Benchmark
    public void batchtrack(OnThread onThread) {
        Tracker.current().increment("games_processed", 1);
    }

    /** The same add on a tracker held in hand: the thread-local lookup taken out. */
    @Benchmark
    public void batchtrackHeld(Counters c) {
        c.run.increment("games_processed", 1);
    }

    @Benchmark
    public void micrometer(Counters c) {
        c.micrometer.increment();
    }

    @Benchmark
    public void opentelemetry(Counters c) {
        c.otel.add(1);
    }

    @Threads(1)
    public static class OneThread extends HotPath {}

    @Threads(2)
    public static class TwoThreads extends HotPath {}
}
