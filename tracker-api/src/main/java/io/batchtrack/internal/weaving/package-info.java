/**
 * What the weaving front doors call. {@link io.batchtrack.internal.weaving.Woven#enter} and
 * {@link io.batchtrack.internal.weaving.Woven#exit} around every woven call;
 * {@link io.batchtrack.internal.weaving.TrackedMethod}, what one {@code @TrackedBatch} method's
 * annotation and parameters say, read once, turning a call's arguments into its
 * {@link io.batchtrack.RunSpec}; {@link io.batchtrack.internal.weaving.WovenSite}, the
 * {@code invokedynamic} bootstrap that links a woven call site to its {@code TrackedMethod} once;
 * {@link io.batchtrack.internal.weaving.AsyncRuns}, the ends of runs of asynchronous methods.
 * A new front door calls {@code Woven}; a new parameter annotation is read in {@code TrackedMethod}.
 */
package io.batchtrack.internal.weaving;
