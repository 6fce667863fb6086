package io.batchtrack.opentelemetry;

import io.batchtrack.RunStatus;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunRecord;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes every run of an engine an OpenTelemetry span named {@code batchtrack.run <batch_type>}, with the
 * attributes {@code batchtrack.batch_type}, {@code batchtrack.batch_mode} (when the run has a mode),
 * {@code batchtrack.season_year}, {@code batchtrack.week}, {@code batchtrack.season_type},
 * {@code batchtrack.run_id}, and at its end {@code batchtrack.status} and each counter as
 * {@code batchtrack.metric.<name>}. A failed run's span has status {@code ERROR} and an {@code exception}
 * event (type, message, stack excerpt: the run record's, the exception itself is the batch's).
 *
 * <p>Its parent: the span of the parent run when the run is nested in another run of the same engine,
 * else the OpenTelemetry {@link Context#current() current context} of the opening thread (a request's
 * span, the OpenTelemetry Java agent's span of a scheduled job), else none: a trace of its own. The span
 * opens in {@link #runOpening}, before the start row is written, so that the row keeps the trace id.
 * The span is not made current on the batch's thread (a run may end on another thread); spans the batch
 * makes itself are children of the context it was called in.
 *
 * <pre>{@code
 * BatchTracking tracking = BatchTracking.builder().store(store)
 *         .listener(OpenTelemetryRunListener.create(openTelemetry)).build();
 * }</pre>
 *
 * <p>Told only when a run opens and ends, never on {@code Tracker.increment}. Whatever the tracer or its
 * exporter throws reaches neither the batch nor the store (the engine guards every listener call,
 * {@link Error}s included, and logs it). Thread-safe. Closing it ends the spans of runs still open.
 */
public final class OpenTelemetryRunListener implements RunListener {
    /** The instrumentation scope name of the spans. */
    public static final String SCOPE = "io.batchtrack";
    /** The span name's prefix; the batch type follows. */
    public static final String SPAN_PREFIX = "batchtrack.run ";
    /** The attribute prefix of the run's counters. */
    public static final String METRIC_PREFIX = "batchtrack.metric.";

    static final AttributeKey<String> BATCH_TYPE = AttributeKey.stringKey("batchtrack.batch_type");
    static final AttributeKey<String> BATCH_MODE = AttributeKey.stringKey("batchtrack.batch_mode");
    static final AttributeKey<Long> SEASON_YEAR = AttributeKey.longKey("batchtrack.season_year");
    static final AttributeKey<Long> WEEK = AttributeKey.longKey("batchtrack.week");
    static final AttributeKey<String> SEASON_TYPE = AttributeKey.stringKey("batchtrack.season_type");
    static final AttributeKey<String> STATUS = AttributeKey.stringKey("batchtrack.status");
    static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("batchtrack.run_id");
    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
    private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
    private static final AttributeKey<String> EXCEPTION_STACK = AttributeKey.stringKey("exception.stacktrace");

    private final Supplier<Tracer> tracer;
    private final String name;
    private final Map<UUID, Span> open = new ConcurrentHashMap<>();

    private OpenTelemetryRunListener(Supplier<Tracer> tracer, String name) {
        this.tracer = tracer;
        this.name = name;
    }

    /** A listener whose spans go to {@code openTelemetry}'s tracer provider. */
    public static OpenTelemetryRunListener create(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        Tracer tracer = openTelemetry.getTracer(SCOPE);
        return new OpenTelemetryRunListener(() -> tracer, "opentelemetry " + openTelemetry.getClass().getSimpleName());
    }

    /**
     * A listener whose spans go to {@link GlobalOpenTelemetry}, looked up at each run with
     * {@link GlobalOpenTelemetry#getOrNoop()}: never {@code get()}, which would fix the global to a no-op
     * and make the application's own {@code buildAndRegisterGlobal()} fail if it comes later. Runs opened
     * before a global is registered get no span.
     */
    public static OpenTelemetryRunListener global() {
        return new OpenTelemetryRunListener(() -> GlobalOpenTelemetry.getOrNoop().getTracer(SCOPE),
                "opentelemetry global");
    }

    @Override
    public String runOpening(RunRecord run) {
        Span parentRun = run.parentId() == null ? null : open.get(run.parentId());
        Context parent = parentRun != null ? Context.current().with(parentRun) : Context.current();
        var spec = run.spec();
        var builder = tracer.get().spanBuilder(SPAN_PREFIX + spec.batchType()).setParent(parent)
                .setSpanKind(SpanKind.INTERNAL).setStartTimestamp(run.startedAt().toEpochMilli(), TimeUnit.MILLISECONDS)
                .setAttribute(BATCH_TYPE, spec.batchType()).setAttribute(RUN_ID, run.id().toString())
                .setAttribute(SEASON_YEAR, (long) spec.period().seasonYear())
                .setAttribute(WEEK, (long) spec.period().week())
                .setAttribute(SEASON_TYPE, spec.period().seasonType().code());
        if (spec.mode() != null) {
            builder.setAttribute(BATCH_MODE, spec.mode());
        }
        Span span = builder.startSpan();
        Span previous = open.put(run.id(), span);
        if (previous != null) {
            previous.end(); // the same run told twice: one open span, not two
        }
        return span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : null;
    }

    @Override
    public void runFinished(RunRecord run) {
        Span span = open.remove(run.id());
        if (span == null) {
            return; // its opening failed (logged then) or was never told
        }
        try {
            span.setAttribute(STATUS, run.status().code());
            for (Map.Entry<String, Long> metric : run.metrics().entrySet()) {
                span.setAttribute(AttributeKey.longKey(METRIC_PREFIX + metric.getKey()), metric.getValue());
            }
            RunFailure failure = run.failure();
            if (run.status() == RunStatus.FAILED) {
                span.setStatus(StatusCode.ERROR, failure == null || failure.message() == null ? "" : failure.message());
            }
            if (failure != null && run.status() == RunStatus.FAILED) {
                var event = Attributes.builder().put(EXCEPTION_TYPE, failure.type());
                if (failure.message() != null) {
                    event.put(EXCEPTION_MESSAGE, failure.message());
                }
                if (failure.stackExcerpt() != null) {
                    event.put(EXCEPTION_STACK, failure.stackExcerpt());
                }
                span.addEvent("exception", event.build());
            }
        } finally {
            // ended whatever setting an attribute threw, so that no span stays open
            span.end(run.finishedAt() == null ? System.currentTimeMillis() : run.finishedAt().toEpochMilli(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Ends the spans of runs still open (their engine is closing), and of runs whose start was refused. */
    @Override
    public void close() {
        for (UUID id : open.keySet()) {
            Span span = open.remove(id);
            if (span != null) {
                span.end();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
