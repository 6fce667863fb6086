package io.batchtrack.spring.batch;

/**
 * The failure recorded for a job execution that did not complete and has no exception of its own
 * (a job stopped by its operator, a step whose exit status was set to FAILED, an abandoned
 * restart): its message names the job, the execution and how it ended.
 */
public final class JobNotCompletedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobNotCompletedException(String message) {
        super(message, null, false, false); // no stack: it was never thrown, only recorded
    }
}
