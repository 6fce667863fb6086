/**
 * The engine, in parts that are each handed what they use and never call back up:
 *
 * <ul>
 *   <li>{@link io.batchtrack.internal.engine.Engine} wires one engine;
 *       {@link io.batchtrack.internal.engine.EngineFactory} builds one from configuration and
 *       {@link io.batchtrack.internal.engine.GlobalEngine} holds the process's;
 *   <li>{@link io.batchtrack.internal.engine.RunLifecycle} opens runs (trigger, exclusivity,
 *       parent, conflicts, store failures and the fail-fast policy) and ends them (store or spool,
 *       readiness, listeners);
 *   <li>{@link io.batchtrack.internal.engine.StatusRules}: the status a run ends with. <b>A new
 *       status rule goes there.</b>
 *   <li>{@link io.batchtrack.internal.engine.ActiveRun}: one open run and all its state (counters,
 *       warnings, caps, ended); what {@code Tracker.current()} returns inside a run;
 *   <li>{@link io.batchtrack.internal.engine.Heartbeat} (with {@code Pulse}, its schedule): the
 *       open runs, their heartbeats, the sweep of dead processes' runs;
 *   <li>{@link io.batchtrack.internal.engine.Listeners}: the guarded calls of
 *       {@link io.batchtrack.spi.RunListener}s, found by {@code ListenerProviders}.
 * </ul>
 *
 * The engine's settings are {@link io.batchtrack.config.EngineSettings}: a new engine key goes
 * there, not here.
 */
package io.batchtrack.internal.engine;
