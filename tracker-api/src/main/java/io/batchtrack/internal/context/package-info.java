/**
 * The current run of a thread. {@link io.batchtrack.internal.context.CurrentRun} is the thread-local
 * slot, changed only through a {@link io.batchtrack.internal.context.RunScope} (make a run current,
 * then restore what was); the slot holds a {@link io.batchtrack.internal.context.RunOnThread}, which
 * names no type of the api, so that {@code Tracker.current()} can read it without the two importing
 * each other. {@link io.batchtrack.internal.context.Propagating} carries the run into wrapped tasks
 * ({@code Tracker.wrap}), {@link io.batchtrack.internal.context.AutoPropagation} into the JDK's
 * executors (called by the agent's advice), and {@link io.batchtrack.internal.context.RunMdc} into
 * the application's SLF4J MDC.
 */
package io.batchtrack.internal.context;
