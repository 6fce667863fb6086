/**
 * The example's {@code nfl} tables over plain {@code java.sql}: their idempotent creation, the
 * connection from the tracker's {@code jdbc.*} configuration, and a
 * {@link io.batchtrack.spi.ReadinessProbe} that measures a week for {@code data_readiness}.
 */
package io.batchtrack.examples.nfl.db;
