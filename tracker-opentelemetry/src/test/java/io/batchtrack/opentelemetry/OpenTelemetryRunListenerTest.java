package io.batchtrack.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.testing.InMemoryRunStore;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each run is one span, with its attributes and counters, parented under the context or the run it is nested in. */
class OpenTelemetryRunListenerTest {
    private static final RunSpec WEEKLY = RunSpec.of("weekly_update", Period.regular(2026, 13)).withMode("full");

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();
    private final InMemoryRunStore store = new InMemoryRunStore();

    @AfterEach
    void closeSdk() {
        sdk.close();
    }

    private BatchTracking tracking() {
        return BatchTracking.builder().store(store).listener(OpenTelemetryRunListener.create(sdk)).build();
    }

    @Test
    void aRunIsOneSpanWithItsAttributesAndCounters() {
        try (BatchTracking tracking = tracking()) {
            tracking.run(WEEKLY, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 16));
        }

        SpanData span = single();
        var run = store.runs().get(0);
        assertThat(span.getName()).isEqualTo("batchtrack.run weekly_update");
        assertThat(span.getParentSpanContext().isValid()).as("no context: a trace of its own").isFalse();
        assertThat(span.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("batchtrack.batch_type"),
                "weekly_update").containsEntry(AttributeKey.stringKey("batchtrack.batch_mode"), "full")
                .containsEntry(AttributeKey.longKey("batchtrack.season_year"), 2026L)
                .containsEntry(AttributeKey.longKey("batchtrack.week"), 13L)
                .containsEntry(AttributeKey.stringKey("batchtrack.season_type"), "reg")
                .containsEntry(AttributeKey.stringKey("batchtrack.status"), "success")
                .containsEntry(AttributeKey.stringKey("batchtrack.run_id"), run.id().toString())
                .containsEntry(AttributeKey.longKey("batchtrack.metric." + Metrics.GAMES_PROCESSED), 16L);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.hasEnded()).isTrue();
        assertThat(run.traceId()).as("the store was given the trace id").isEqualTo(span.getTraceId());
    }

    @Test
    void aFailedRunHasStatusErrorAndTheExceptionRecorded() {
        IllegalStateException thrown = new IllegalStateException("feed down");
        try (BatchTracking tracking = tracking()) {
            assertThatThrownBy(() -> tracking.run(WEEKLY, () -> {
                throw thrown;
            })).isSameAs(thrown);
        }

        SpanData span = single();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEqualTo("feed down");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("batchtrack.status"))).isEqualTo("failed");
        assertThat(span.getEvents()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("exception");
            assertThat(e.getAttributes().get(AttributeKey.stringKey("exception.type")))
                    .isEqualTo(IllegalStateException.class.getName());
            assertThat(e.getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("feed down");
            assertThat(e.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")))
                    .contains("OpenTelemetryRunListenerTest");
        });
    }

    @Test
    void theCurrentContextAtTheRunsStartIsItsParent() {
        Tracer tracer = sdk.getTracer("test");
        Span request = tracer.spanBuilder("request").startSpan();
        try (BatchTracking tracking = tracking()) {
            try (Scope ignored = request.makeCurrent()) {
                tracking.run(WEEKLY, () -> { });
            }
        } finally {
            request.end();
        }

        SpanData run = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("batchtrack"))
                .findFirst().orElseThrow();
        assertThat(run.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(run.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(store.runs().get(0).traceId()).isEqualTo(request.getSpanContext().getTraceId());
    }

    @Test
    void aNestedRunIsAChildSpanOfItsParentRun() {
        try (BatchTracking tracking = tracking()) {
            try (BatchTracker outer = tracking.start(WEEKLY)) {
                tracking.run(RunSpec.of("predictions", Period.regular(2026, 13)), () -> { });
                outer.complete();
            }
        }

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).hasSize(2);
        SpanData outer = spans.stream().filter(s -> s.getName().equals("batchtrack.run weekly_update")).findFirst()
                .orElseThrow();
        SpanData inner = spans.stream().filter(s -> s.getName().equals("batchtrack.run predictions")).findFirst()
                .orElseThrow();
        assertThat(inner.getParentSpanId()).isEqualTo(outer.getSpanId());
        assertThat(inner.getTraceId()).isEqualTo(outer.getTraceId());
    }

    @Test
    void incrementsTouchNoSpanUntilTheRunEnds() {
        try (BatchTracking tracking = tracking()) {
            try (BatchTracker run = tracking.start(WEEKLY)) {
                for (int i = 0; i < 1000; i++) {
                    run.increment(Metrics.GAMES_PROCESSED, 1);
                }
                assertThat(exporter.getFinishedSpanItems()).as("nothing exported while the run is open").isEmpty();
                run.complete();
            }
        }
        assertThat(single().getAttributes().get(AttributeKey.longKey("batchtrack.metric." + Metrics.GAMES_PROCESSED)))
                .isEqualTo(1000L);
    }

    private SpanData single() {
        assertThat(exporter.getFinishedSpanItems()).hasSize(1);
        return exporter.getFinishedSpanItems().get(0);
    }
}
