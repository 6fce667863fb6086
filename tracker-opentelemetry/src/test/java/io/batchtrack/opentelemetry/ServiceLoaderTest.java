package io.batchtrack.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.config.TrackerConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With this module on the class path, an engine built from configuration traces into GlobalOpenTelemetry. */
class ServiceLoaderTest {

    @AfterEach
    void resetGlobal() {
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void anEngineFromConfigurationTracesIntoTheGlobalRegisteredAfterItStarted() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of("store", "none",
                "spool.dir", "none")))) {
            tracking.run(RunSpec.of("roster_refresh", Period.regular(2026, 13)), () -> { });
            assertThat(GlobalOpenTelemetry.isSet()).as("the listener never fixes the global to a no-op").isFalse();

            try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).buildAndRegisterGlobal()) {
                tracking.run(RunSpec.of("roster_refresh", Period.regular(2026, 13)), () -> { });

                assertThat(exporter.getFinishedSpanItems()).singleElement()
                        .satisfies(s -> assertThat(s.getName()).isEqualTo("batchtrack.run roster_refresh"));
            }
        }
    }
}
