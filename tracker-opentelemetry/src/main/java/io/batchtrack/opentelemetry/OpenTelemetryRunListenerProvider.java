package io.batchtrack.opentelemetry;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunListenerProvider;
import io.batchtrack.spi.RunStore;
import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * Puts an {@link OpenTelemetryRunListener} on every engine built from configuration (the Java agent, the
 * AspectJ aspect, {@code BatchTracking.fromConfig}) once this module is on the class path, tracing into
 * {@link GlobalOpenTelemetry}: what the OpenTelemetry Java agent or the application's SDK set up
 * ({@code OpenTelemetrySdk.builder()...buildAndRegisterGlobal()}, Spring Boot's starter). The global is
 * looked up at each span, not now: an application that registers its SDK after the engine started is
 * traced from then on. Registered in {@code META-INF/services}; an engine built with
 * {@code BatchTracking.builder()} takes the listener on {@code .listener(...)} instead.
 */
public final class OpenTelemetryRunListenerProvider implements RunListenerProvider {

    @Override
    public RunListener create(TrackerConfig config, RunStore store) {
        return OpenTelemetryRunListener.global();
    }
}
