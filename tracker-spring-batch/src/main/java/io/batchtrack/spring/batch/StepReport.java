package io.batchtrack.spring.batch;

import io.batchtrack.internal.Log;
import io.batchtrack.spi.TextLimits;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * What one step execution adds to its job's run: its read, write, skip and commit counts as custom
 * metrics, summed over the job ({@code read_count}...) and per step ({@code <step>_read_count}...),
 * a warning naming the step when it skipped items (so a completed job with skips is {@code partial}),
 * and a warning naming the step for each of its failures.
 *
 * <p>A partition's execution (Spring Batch names it {@code <worker step>:<partition>}) adds its
 * warnings only: its manager step's execution already sums the partitions' counts, so counting both
 * would count every item twice, and one metric per partition would soon reach {@code max-custom-metrics}.
 */
final class StepReport {
    static final String READ = "read_count";
    static final String WRITE = "write_count";
    static final String SKIP = "skip_count";
    static final String COMMIT = "commit_count";

    private StepReport() {}

    /** Spring Batch's separator of a partition's execution name ({@code SimpleStepExecutionSplitter}'s). */
    static final String PARTITION_SEPARATOR = ":";

    static void record(StepExecution step, JobRuns.JobRun run) {
        String name = step.getStepName();
        boolean partition = name != null && name.contains(PARTITION_SEPARATOR);
        if (!partition) {
            count(run, name, READ, step.getReadCount());
            count(run, name, WRITE, step.getWriteCount());
            count(run, name, SKIP, step.getSkipCount());
            count(run, name, COMMIT, step.getCommitCount());
        }
        String stage = stage(name);
        if (step.getSkipCount() > 0 && !partition) {
            run.warn(stage, "skipped " + step.getSkipCount() + " items (" + step.getReadSkipCount() + " on read, "
                    + step.getProcessSkipCount() + " in process, " + step.getWriteSkipCount() + " on write)");
        }
        for (Throwable failure : step.getFailureExceptions()) {
            run.warn(stage, "step " + step.getStatus() + ": " + Log.describe(failure));
        }
        if (step.getFailureExceptions().isEmpty() && step.getStatus().isGreaterThan(BatchStatus.COMPLETED)) {
            run.warn(stage, "step " + step.getStatus() + " (exit code " + step.getExitStatus().getExitCode() + ")");
        }
    }

    private static void count(JobRuns.JobRun run, String stepName, String metric, long amount) {
        run.increment(metric, amount);
        run.increment(SpringBatchNames.stepMetric(stepName, "_" + metric), amount);
    }

    /** The step's own name is the stage, cut to the stage's limit. */
    private static String stage(String stepName) {
        String stage = stepName == null || stepName.isBlank() ? "step" : stepName;
        return stage.length() > TextLimits.STAGE ? stage.substring(0, TextLimits.STAGE) : stage;
    }
}
