package io.batchtrack.spring.batch;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * How a job execution ends its run: COMPLETED is a normal end (success, or partial with warnings);
 * any other status (FAILED, STOPPED, ABANDONED, UNKNOWN) is failed, with the first failure exception
 * of the first step that has one (the cause nearest the work: for a stopped job the step's
 * interruption, not the job's "interrupted by step execution"), else the job's own first, the same
 * instance, else a {@link JobNotCompletedException} saying how it ended. Spring Batch's
 * {@code getAllFailureExceptions()} is not used: it collects them in a hash set, in no stable order.
 */
final class JobEnding {
    private JobEnding() {}

    /** The failure to record, or null for a completed execution. */
    static Throwable failureOf(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return null;
        }
        for (StepExecution step : execution.getStepExecutions()) {
            List<Throwable> failures = step.getFailureExceptions();
            if (!failures.isEmpty()) {
                return failures.get(0);
            }
        }
        List<Throwable> own = execution.getFailureExceptions();
        return own.isEmpty() ? notCompleted(execution) : own.get(0);
    }

    static JobNotCompletedException notCompleted(JobExecution execution) {
        return new JobNotCompletedException("job " + execution.getJobInstance().getJobName() + " execution "
                + execution.getId() + " ended " + execution.getStatus() + " (exit code "
                + execution.getExitStatus().getExitCode() + ")");
    }
}
