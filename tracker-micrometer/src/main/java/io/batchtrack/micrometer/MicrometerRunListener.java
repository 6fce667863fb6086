package io.batchtrack.micrometer;

import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every run of an engine in a Micrometer {@link MeterRegistry}:
 * <ul>
 *   <li>{@value #RUN}: a timer of each ended run, tags {@code batch_type}, {@code batch_mode},
 *       {@code status} ({@code success}, {@code partial}, {@code failed}, {@code skipped})</li>
 *   <li>{@value #ACTIVE}: a long-task timer of the runs in progress, tags {@code batch_type},
 *       {@code batch_mode}</li>
 *   <li>{@value #METRIC}: a counter per counter of the runs, increased by each run's final value
 *       when it ends, tags {@code batch_type}, {@code metric}</li>
 * </ul>
 * {@code batch_mode} is {@code ""} for a run without a mode, as in the status server's {@code /metrics}.
 *
 * <pre>{@code
 * BatchTracking tracking = BatchTracking.builder().store(store)
 *         .listener(MicrometerRunListener.create(meterRegistry)).build();
 * }</pre>
 *
 * <p>It is told only when a run starts and ends, never on {@code Tracker.increment}: the counters
 * reach the registry once, at the run's end, from its final record. Whatever the registry throws
 * reaches neither the batch nor the store (the engine guards every listener call, {@link Error}s
 * included, and logs it). Thread-safe. Closing it (the engine does) ends the active samples it
 * holds; the registry stays the application's.
 */
public final class MicrometerRunListener implements RunListener {
    /** The timer of ended runs. */
    public static final String RUN = "batchtrack.run";
    /** The long-task timer of runs in progress. */
    public static final String ACTIVE = "batchtrack.run.active";
    /** The counters of the runs' metrics. */
    public static final String METRIC = "batchtrack.run.metric";

    private final MeterRegistry registry;
    private final Map<UUID, LongTaskTimer.Sample> active = new ConcurrentHashMap<>();

    private MicrometerRunListener(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A listener recording into {@code registry}. */
    public static MicrometerRunListener create(MeterRegistry registry) {
        return new MicrometerRunListener(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public void runStarted(RunRecord run) {
        LongTaskTimer.Sample sample = LongTaskTimer.builder(ACTIVE).description("batchtrack runs in progress")
                .tag("batch_type", run.spec().batchType()).tag("batch_mode", mode(run)).register(registry).start();
        LongTaskTimer.Sample previous = active.put(run.id(), sample);
        if (previous != null) {
            previous.stop(); // the same run told twice: one sample, not two
        }
    }

    @Override
    public void runFinished(RunRecord run) {
        LongTaskTimer.Sample sample = active.remove(run.id());
        if (sample != null) {
            sample.stop(); // before the meters below: a registry that throws there leaves no run active
        }
        String type = run.spec().batchType();
        Duration duration = run.duration();
        Timer.builder(RUN).description("batchtrack runs, by how they ended").tag("batch_type", type)
                .tag("batch_mode", mode(run)).tag("status", run.status().code()).register(registry)
                .record(duration == null || duration.isNegative() ? Duration.ZERO : duration);
        for (Map.Entry<String, Long> metric : run.metrics().entrySet()) {
            if (metric.getValue() > 0) {
                Counter.builder(METRIC).description("the counters of batchtrack runs, added at each run's end")
                        .tag("batch_type", type).tag("metric", metric.getKey()).register(registry)
                        .increment(metric.getValue());
            }
        }
    }

    /** Ends the samples of runs still open: their engine is closing and will not tell their end. */
    @Override
    public void close() {
        for (UUID id : active.keySet()) {
            LongTaskTimer.Sample sample = active.remove(id);
            if (sample != null) {
                sample.stop();
            }
        }
    }

    private static String mode(RunRecord run) {
        return run.spec().mode() == null ? "" : run.spec().mode();
    }

    @Override
    public String toString() {
        return "micrometer " + registry.getClass().getSimpleName();
    }
}
