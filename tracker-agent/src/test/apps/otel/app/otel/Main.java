package app.otel;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * An application with its own OpenTelemetry SDK (registered as the global) and tracker-opentelemetry on
 * its class path: a woven batch called inside a span of its own, with a woven batch nested in it. Prints
 * every span the SDK exported, {@code span.<name>=<trace> <span> <parent>}, and the request span's ids.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).buildAndRegisterGlobal();
        Tracer tracer = sdk.getTracer("app");
        Span request = tracer.spanBuilder("request").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            System.out.println("woven.result=" + weekly(2025, 9));
        } finally {
            request.end();
        }
        System.out.println("request.trace=" + request.getSpanContext().getTraceId());
        System.out.println("request.span=" + request.getSpanContext().getSpanId());
        for (SpanData s : exporter.getFinishedSpanItems()) {
            System.out.println("span." + s.getName().replace(' ', '_') + "=" + s.getTraceId() + " " + s.getSpanId() + " "
                    + s.getParentSpanId() + " " + s.getAttributes().get(
                            io.opentelemetry.api.common.AttributeKey.stringKey("batchtrack.run_id")));
        }
        System.out.println("spans=" + exporter.getFinishedSpanItems().size());
        sdk.close();
    }

    @TrackedBatch(type = "otel_weekly")
    static int weekly(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        Tracker.current().increment("games_processed", 2);
        return predictions(season, week) + 2;
    }

    @TrackedBatch(type = "otel_predictions")
    static int predictions(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        return 1;
    }
}
