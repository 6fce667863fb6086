package io.batchtrack.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The runs an evaluation reads: {@code batch_runs} in PostgreSQL, or a list in a test. */
public interface RunHistory {
    /** Runs of {@code batchType} (of {@code mode} only, unless null) started in [from, to], in any order. */
    List<ObservedRun> runs(String batchType, String mode, Instant from, Instant to);

    /** Every run still running. */
    List<ObservedRun> running();

    /** The durations of the newest {@code max} successful runs of that type and exactly that mode (null: none). */
    List<Duration> successfulDurations(String batchType, String mode, int max);
}
