package io.batchtrack.micrometer;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunListenerProvider;
import io.batchtrack.spi.RunStore;
import io.micrometer.core.instrument.Metrics;

/**
 * Puts a {@link MicrometerRunListener} on every engine built from configuration (the Java agent, the
 * AspectJ aspect, {@code BatchTracking.fromConfig}) once this module is on the class path, recording
 * into Micrometer's global registry, {@link Metrics#globalRegistry}: the registry of code that cannot
 * be handed one, which Spring Boot (by default) and any application can add their registries to.
 * Registered in {@code META-INF/services}; an engine built with {@code BatchTracking.builder()} takes
 * the listener on {@code .listener(...)} instead.
 */
public final class MicrometerRunListenerProvider implements RunListenerProvider {

    @Override
    public RunListener create(TrackerConfig config, RunStore store) {
        return MicrometerRunListener.create(Metrics.globalRegistry);
    }
}
