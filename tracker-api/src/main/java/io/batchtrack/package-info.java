/**
 * The user API of batchtrack: annotate a batch entry point with {@link io.batchtrack.TrackedBatch},
 * count and warn through {@link io.batchtrack.Tracker#current()}, or wrap a batch in a
 * {@link io.batchtrack.BatchTracker} when nothing is woven. {@link io.batchtrack.BatchTracking}
 * is the face of the one engine behind all of them (which lives in
 * {@code io.batchtrack.internal.engine}); the value types ({@link io.batchtrack.RunSpec},
 * {@link io.batchtrack.Period}, {@link io.batchtrack.Trigger}, {@link io.batchtrack.RunStatus},
 * {@link io.batchtrack.Metrics}, ...) and {@link io.batchtrack.NflCalendar} are here too.
 *
 * <p>Values are validated where they enter: a bad name, week or year fails at once with an
 * {@link java.lang.IllegalArgumentException} that names the value and the rule.
 */
package io.batchtrack;
