/**
 * The store as the engine uses it. {@link io.batchtrack.internal.store.SpoolingStore} decorates any
 * {@link io.batchtrack.spi.RunStore} with the outage gate ({@link io.batchtrack.internal.store.Outage})
 * and the local spool ({@link io.batchtrack.internal.store.Spool}, one
 * {@link io.batchtrack.internal.store.SpoolEntry} a line), and replays what waits.
 * {@link io.batchtrack.internal.store.RunRecordJson} is the one JSON form of a run record (spool and
 * log store). {@link io.batchtrack.internal.store.Stores} chooses the store the {@code store} key
 * names; {@link io.batchtrack.internal.store.LogRunStore} is {@code store=log}.
 *
 * <p>A new store of its own module implements {@link io.batchtrack.spi.RunStore} and a
 * {@link io.batchtrack.spi.RunStoreProvider} (and passes {@code io.batchtrack.testing.RunStoreContract},
 * tracker-api's test-jar); a new built-in one is a case in {@code Stores}.
 */
package io.batchtrack.internal.store;
