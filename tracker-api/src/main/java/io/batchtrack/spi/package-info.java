/**
 * What a store and a listener implement. {@link io.batchtrack.spi.RunStore} records runs (its
 * contract: {@code io.batchtrack.testing.RunStoreContract} in tracker-api's test-jar),
 * {@link io.batchtrack.spi.ReadinessRefresher} refreshes {@code data_readiness} after a successful
 * run, {@link io.batchtrack.spi.RunStoreProvider} lets {@link java.util.ServiceLoader} find a store by
 * the configuration key {@code store}, and {@link io.batchtrack.spi.ReadinessProbe} lets an
 * application say what is ready from its own tables. {@link io.batchtrack.spi.RunRecord} is what a
 * store is handed, within the lengths of {@link io.batchtrack.spi.TextLimits}.
 * {@link io.batchtrack.spi.RunListener} is told of every run's start, heartbeats and end (exporters,
 * alerts), and {@link io.batchtrack.spi.RunListenerProvider} makes one for engines built from
 * configuration.
 *
 * <p>A new store: a {@code RunStore} and its {@code RunStoreProvider} (listed in
 * {@code META-INF/services}), tested by extending {@code RunStoreContract}.
 */
package io.batchtrack.spi;
