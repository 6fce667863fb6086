/**
 * batchtrack runs as OpenTelemetry spans: {@link io.batchtrack.opentelemetry.OpenTelemetryRunListener},
 * a {@link io.batchtrack.spi.RunListener} for any {@code OpenTelemetry}, installed on
 * {@code BatchTracking.builder().listener(...)} or, for engines built from configuration, by
 * {@link io.batchtrack.opentelemetry.OpenTelemetryRunListenerProvider} over {@code GlobalOpenTelemetry}.
 */
package io.batchtrack.opentelemetry;
