package io.batchtrack.spring.batch;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * How a job execution ends its run: COMPLETED is a normal end (success, or partial with warnings);
 * any other status (FAILED, STOPPED, ABANDONED, UNKNOWN) is failed, with the execution's first
 * failure exception (the job's own, else its steps', in Spring Batch's order), the same instance,
 * else a {@link JobNotCompletedException} saying how it ended.
 */
final class JobEnding {
    private JobEnding() {}

    /** The failure to record, or null for a completed execution. */
    static Throwable failureOf(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return null;
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        return failures.isEmpty() ? notCompleted(execution) : failures.get(0);
    }

    static JobNotCompletedException notCompleted(JobExecution execution) {
        return new JobNotCompletedException("job " + execution.getJobInstance().getJobName() + " execution "
                + execution.getId() + " ended " + execution.getStatus() + " (exit code "
                + execution.getExitStatus().getExitCode() + ")");
    }
}
