package io.batchtrack;

import java.time.Instant;

/**
 * One warning of a run, stored in {@code batch_runs.warnings} as {@code {stage, message, at}}.
 *
 * @param stage the step that warned, for example {@code game_logs}
 * @param message what happened (cleaned and truncated)
 * @param at when it was recorded
 */
public record Warning(String stage, String message, Instant at) {}
