/**
 * The NFL weekly-update pipeline of the seed's {@code update_weekly.py}, as a program that knows
 * nothing of the tracker beyond {@code tracker-api}: three {@link io.batchtrack.TrackedBatch} entry
 * points in {@link io.batchtrack.examples.nfl.NflPipeline}, a command line in
 * {@link io.batchtrack.examples.nfl.NflCli}, counters and warnings through
 * {@link io.batchtrack.Tracker#current()}. Run it under {@code -javaagent:tracker-agent.jar} and
 * every call is a row of {@code batch_runs}.
 *
 * <p>Decisions: the example's tables live in schema {@code nfl}, beside the tracker's; each step is
 * its own transaction and counts its rows only after it commits; {@code api_calls_made} counts each
 * call when it is made; predictions are inserted once and never updated; {@code --fail-step} takes
 * a dependency down halfway through a per-game step, so the rollback is real.
 */
package io.batchtrack.examples.nfl;
