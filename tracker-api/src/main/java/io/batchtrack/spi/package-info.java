/**
 * What a store implements: {@link io.batchtrack.spi.RunStore} records runs,
 * {@link io.batchtrack.spi.ReadinessRefresher} refreshes {@code data_readiness} after a successful
 * run, {@link io.batchtrack.spi.RunStoreProvider} lets {@link java.util.ServiceLoader} find a store by
 * the configuration key {@code store}, and {@link io.batchtrack.spi.ReadinessProbe} lets an
 * application say what is ready from its own tables. {@link io.batchtrack.spi.RunListener} is told of
 * every run's start, heartbeats and end (exporters, alerts), and
 * {@link io.batchtrack.spi.RunListenerProvider} makes one for engines built from configuration.
 */
package io.batchtrack.spi;
