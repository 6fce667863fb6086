package io.batchtrack.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.testing.InMemoryRunStore;
import io.batchtrack.testing.LoggedLines;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tracer that throws when a span is made, a span processor that throws when a span starts and ends,
 * an exporter that throws: an exception or an Error, the batch never sees it (same value, same
 * exception instance, body once) and the store still records the run.
 */
class ThrowingTracerTest {
    private static final RunSpec WEEKLY = RunSpec.of("weekly_update", Period.regular(2026, 13)).withMode("full");

    static Stream<Arguments> failures() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (Supplier<Throwable> failure : java.util.List.<Supplier<Throwable>>of(
                () -> new IllegalStateException("tracing broken"), () -> new LinkageError("tracing broken"))) {
            for (String where : java.util.List.of("tracer", "processor", "exporter")) {
                all.add(Arguments.of(where, failure));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void theBatchsValueReachesTheCallerUnchanged(String where, Supplier<Throwable> failure) {
        InMemoryRunStore store = new InMemoryRunStore();
        AtomicInteger bodies = new AtomicInteger();
        AtomicInteger thrown = new AtomicInteger();
        Object value = new Object();
        try (ClosableOpenTelemetry otel = broken(where, failure, thrown);
                BatchTracking tracking = tracking(store, otel)) {
            Object returned = tracking.call(WEEKLY, () -> {
                bodies.incrementAndGet();
                Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
                return value;
            });

            assertThat(returned).isSameAs(value);
        }
        assertThat(thrown).as("tracing failed").hasValueGreaterThan(0);
        assertThat(bodies).hasValue(1);
        assertThat(store.runs()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(r.metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void theBatchsExceptionReachesTheCallerAsTheSameInstance(String where, Supplier<Throwable> failure) {
        InMemoryRunStore store = new InMemoryRunStore();
        AtomicInteger bodies = new AtomicInteger();
        AtomicInteger thrown = new AtomicInteger();
        IllegalArgumentException exception = new IllegalArgumentException("feed down");
        try (ClosableOpenTelemetry otel = broken(where, failure, thrown);
                BatchTracking tracking = tracking(store, otel)) {
            assertThatThrownBy(() -> tracking.run(WEEKLY, () -> {
                bodies.incrementAndGet();
                throw exception;
            })).isSameAs(exception);
        }
        assertThat(thrown).hasValueGreaterThan(0);
        assertThat(bodies).hasValue(1);
        assertThat(store.runs()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.FAILED));
    }

    static Stream<Supplier<Throwable>> tracerFailures() {
        return Stream.of(() -> new IllegalStateException("tracing broken"), () -> new LinkageError("tracing broken"));
    }

    /** A throwing tracer (the SDK itself contains, and logs, much of what a processor or exporter throws). */
    @ParameterizedTest
    @MethodSource("tracerFailures")
    void aTracerFailureIsLoggedNamingTheListener(Supplier<Throwable> failure) {
        try (LoggedLines log = LoggedLines.capture(); ClosableOpenTelemetry otel = broken("tracer", failure, new AtomicInteger());
                BatchTracking tracking = tracking(new InMemoryRunStore(), otel)) {
            tracking.run(WEEKLY, () -> { });

            assertThat(log.containing("run listener opentelemetry")).anySatisfy(l -> assertThat(l.text())
                    .contains("the batch goes on").contains("tracing broken"));
        }
    }

    private static BatchTracking tracking(InMemoryRunStore store, OpenTelemetry otel) {
        return BatchTracking.builder().store(store).listener(OpenTelemetryRunListener.create(otel)).build();
    }

    /** An OpenTelemetry broken at {@code where}; closeable so that every test releases its SDK. */
    private interface ClosableOpenTelemetry extends OpenTelemetry, AutoCloseable {
        @Override
        void close();
    }

    private static ClosableOpenTelemetry broken(String where, Supplier<Throwable> failure, AtomicInteger thrown) {
        Supplier<RuntimeException> fail = () -> {
            thrown.incrementAndGet();
            return ThrowingTracerTest.<RuntimeException>sneaky(failure.get());
        };
        OpenTelemetrySdk sdk = switch (where) {
            case "tracer" -> null;
            case "processor" -> sdk(new SpanProcessor() {
                @Override
                public void onStart(Context parent, ReadWriteSpan span) {
                    throw fail.get();
                }

                @Override
                public boolean isStartRequired() {
                    return true;
                }

                @Override
                public void onEnd(ReadableSpan span) {
                    throw fail.get();
                }

                @Override
                public boolean isEndRequired() {
                    return true;
                }
            });
            case "exporter" -> sdk(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    throw fail.get();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            }));
            default -> throw new IllegalArgumentException(where);
        };
        if (sdk == null) {
            return new ClosableOpenTelemetry() {
                @Override
                public TracerProvider getTracerProvider() {
                    return new TracerProvider() {
                        @Override
                        public io.opentelemetry.api.trace.Tracer get(String name) {
                            return spanName -> {
                                throw fail.get();
                            };
                        }

                        @Override
                        public io.opentelemetry.api.trace.Tracer get(String name, String version) {
                            return get(name);
                        }
                    };
                }

                @Override
                public ContextPropagators getPropagators() {
                    return ContextPropagators.noop();
                }

                @Override
                public void close() {}
            };
        }
        return new ClosableOpenTelemetry() {
            @Override
            public TracerProvider getTracerProvider() {
                return sdk.getTracerProvider();
            }

            @Override
            public ContextPropagators getPropagators() {
                return sdk.getPropagators();
            }

            @Override
            public void close() {
                sdk.close();
            }
        };
    }

    private static OpenTelemetrySdk sdk(SpanProcessor processor) {
        return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(processor).build())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
