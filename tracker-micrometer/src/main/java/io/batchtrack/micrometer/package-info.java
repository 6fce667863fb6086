/**
 * batchtrack runs as Micrometer meters: {@link io.batchtrack.micrometer.MicrometerRunListener}, a
 * {@link io.batchtrack.spi.RunListener} for any {@code MeterRegistry}, installed on
 * {@code BatchTracking.builder().listener(...)} or, for engines built from configuration, by
 * {@link io.batchtrack.micrometer.MicrometerRunListenerProvider} over Micrometer's global registry.
 */
package io.batchtrack.micrometer;
