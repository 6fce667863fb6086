package io.batchtrack.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.config.TrackerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With this module on the class path, an engine built from configuration records into Micrometer's global registry. */
class ServiceLoaderTest {

    @Test
    void anEngineFromConfigurationRecordsIntoTheGlobalRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(registry);
        try (BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of("store", "none",
                "spool.dir", "none")))) {
            tracking.run(RunSpec.of("roster_refresh", Period.regular(2026, 13)), () -> { });

            assertThat(registry.get(MicrometerRunListener.RUN).tags("batch_type", "roster_refresh", "batch_mode", "",
                    "status", "success").timer().count()).isEqualTo(1);
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(registry);
        }
    }
}
