package io.batchtrack.benchmarks;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;

/**
 * A cumulative metric reader that collects only when asked: without any reader the SDK hands out
 * no-op instruments, and an exporter on a timer would add work that Micrometer's SimpleMeterRegistry
 * does not do. (The SDK's InMemoryMetricReader does the same, from a test artifact that brings AssertJ.)
 */
final class CollectingReader implements MetricReader {
    private volatile CollectionRegistration registration = CollectionRegistration.noop();

    @Override
    public void register(CollectionRegistration collectionRegistration) {
        this.registration = collectionRegistration;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.CUMULATIVE;
    }

    /** The sum of a long counter, collected now. */
    long sum(String name) {
        long total = 0;
        for (MetricData m : registration.collectAllMetrics()) {
            if (m.getName().equals(name)) {
                for (LongPointData p : m.getLongSumData().getPoints()) {
                    total += p.getValue();
                }
            }
        }
        return total;
    }

    @Override
    public CompletableResultCode forceFlush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
