package app.otelagent;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import io.opentelemetry.api.trace.Span;

/**
 * An application run under the OpenTelemetry Java agent and batchtrack's, with opentelemetry-api and
 * tracker-opentelemetry on its class path and no SDK of its own: {@code work} is a span of the
 * OpenTelemetry agent's (otel.instrumentation.methods.include), the woven batch runs inside it and nests
 * another. Prints the ids of the agent's span.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("woven.result=" + work());
    }

    static int work() {
        System.out.println("work.trace=" + Span.current().getSpanContext().getTraceId());
        System.out.println("work.span=" + Span.current().getSpanContext().getSpanId());
        return weekly(2025, 9);
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
