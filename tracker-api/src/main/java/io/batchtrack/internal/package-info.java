/**
 * Implementation of batchtrack; not an API, may change in any release.
 *
 * <p>This package holds the small stateless helpers that every module of batchtrack may use:
 * logging ({@link io.batchtrack.internal.Log}), the JSON this library writes and reads
 * ({@link io.batchtrack.internal.Json}, {@link io.batchtrack.internal.JsonReader}), text cleaning
 * ({@link io.batchtrack.internal.Text}), the rules of names and of {@code Tracker}'s arguments
 * ({@link io.batchtrack.internal.Names}, {@link io.batchtrack.internal.Checks}), failures as they
 * are stored ({@link io.batchtrack.internal.Failures}), the host and run ids. Its sub-packages are
 * the engine, one job each:
 *
 * <ul>
 *   <li>{@code internal.engine}: the run lifecycle, the status rules, the open run, the heartbeat,
 *       the listeners, and the wiring (start here);
 *   <li>{@code internal.store}: the store as the engine uses it: outage gate, spool, replay, the
 *       record's JSON form, the built-in log store and the choice of store;
 *   <li>{@code internal.context}: the current run of a thread and how it travels to other threads
 *       and into the MDC;
 *   <li>{@code internal.weaving}: what the weaving front doors (the agent, the aspect) call.
 * </ul>
 *
 * Dependencies run one way: weaving → engine → store and context → this package. The public
 * packages reach the engine through {@code Engine}, {@code GlobalEngine} and {@code ActiveRun}, and
 * the current run through {@code CurrentRun}; nothing here imports {@code BatchTracking},
 * {@code BatchTracker} or {@code Tracker}'s static side.
 */
package io.batchtrack.internal;
