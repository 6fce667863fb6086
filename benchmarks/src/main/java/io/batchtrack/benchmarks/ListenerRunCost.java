package io.batchtrack.benchmarks;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.Trigger;
import io.batchtrack.micrometer.MicrometerRunListener;
import io.batchtrack.opentelemetry.OpenTelemetryRunListener;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import io.batchtrack.spi.RunStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 16: what a run listener adds to each run. One run of an empty body with two counters, on an
 * engine with no store (so the difference is the listener's alone), without a listener and with
 * {@link MicrometerRunListener} over a {@link SimpleMeterRegistry}: its start (long-task timer sample),
 * its end (timer, two counters); and with {@link OpenTelemetryRunListener} over an SDK tracer whose
 * span processor hands each ended span to an exporter that drops it (the span's creation, attributes,
 * counters and end; no export I/O, which a batch processor does off the run's thread anyway).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class ListenerRunCost {
    private static final RunSpec SPEC = RunSpec.of("weekly_update", Period.regular(2026, 13)).withMode("full");

    private BatchTracking bare;
    private BatchTracking micrometer;
    private BatchTracking openTelemetry;
    private SdkTracerProvider tracerProvider;

    @Setup(Level.Trial)
    public void setUp() {
        bare = BatchTracking.builder().store(RunStore.NONE).trigger(Trigger.MANUAL).build();
        micrometer = BatchTracking.builder().store(RunStore.NONE).trigger(Trigger.MANUAL)
                .listener(MicrometerRunListener.create(new SimpleMeterRegistry())).build();
        tracerProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter()))
                .build();
        openTelemetry = BatchTracking.builder().store(RunStore.NONE).trigger(Trigger.MANUAL)
                .listener(OpenTelemetryRunListener.create(OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
                        .build())).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bare.close();
        micrometer.close();
        openTelemetry.close();
        tracerProvider.close();
    }

    @Benchmark
    public void withoutListener() {
        bare.run(SPEC, ListenerRunCost::body);
    }

    @Benchmark
    public void withMicrometerListener() {
        micrometer.run(SPEC, ListenerRunCost::body);
    }

    @Benchmark
    public void withOpenTelemetryListener() {
        openTelemetry.run(SPEC, ListenerRunCost::body);
    }

    /** Accepts every span and keeps none. */
    private static final class DroppingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private static void body() {
        Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
        Tracker.current().increment(Metrics.API_CALLS_MADE, 32);
    }
}
