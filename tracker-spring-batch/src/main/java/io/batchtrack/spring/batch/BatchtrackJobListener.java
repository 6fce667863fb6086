package io.batchtrack.spring.batch;

import io.batchtrack.BatchTracking;
import io.batchtrack.TrackingException;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.Ordered;

/**
 * Makes every execution of the jobs it listens to one batchtrack run (see {@link JobRunSpecs} for
 * its batch type, mode and period, {@link JobEnding} for its status, {@link StepReport} for what each
 * step adds). Register it on a job ({@code JobBuilder.listener}) and, for counts while the job runs,
 * on its steps; without the step registration each step is recorded when the job ends. In a Spring
 * Boot application the auto-configuration registers it on every job and step bean.
 *
 * <p>The run is current on the job's thread while the job runs, so {@code Tracker.current()} in a
 * tasklet or item writer counts and warns into it. Spring Batch's own tables are not touched.
 *
 * <p>Tracking never changes the job: whatever batchtrack throws (Errors included) is logged, the
 * job's status and exit status stay Spring Batch's, and a run that opened is ended exactly once.
 * Two failures are meant for the job and stop it before its first step, as they would stop a
 * tracked method: {@code on-store-failure=fail} when the run cannot be recorded
 * ({@link TrackingException}), and an exclusive batch type whose week is already running
 * ({@code RunConflictException}).
 */
public final class BatchtrackJobListener implements JobExecutionListener, StepExecutionListener, Ordered {
    private final JobRuns runs;
    private final JobRunSpecs specs;
    private final Map<String, String> jobTypes;
    private final Map<Long, OpenJob> open = new ConcurrentHashMap<>();

    BatchtrackJobListener(JobRuns runs, Map<String, String> jobTypes) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.jobTypes = checked(jobTypes);
        this.specs = new JobRunSpecs(this.jobTypes);
    }

    /** Runs of {@code tracking}. */
    public static BatchtrackJobListener of(BatchTracking tracking) {
        Objects.requireNonNull(tracking, "tracking must not be null");
        return new BatchtrackJobListener(JobRuns.of(() -> tracking), Map.of());
    }

    /** Runs of the engine {@code tracking} supplies at each job start (the Spring Boot bean, else the global engine). */
    public static BatchtrackJobListener of(Supplier<BatchTracking> tracking) {
        Objects.requireNonNull(tracking, "tracking must not be null");
        return new BatchtrackJobListener(JobRuns.of(tracking), Map.of());
    }

    /** Runs of the global engine ({@link BatchTracking#global()}), as the agent's and {@code BatchTracker}'s. */
    public static BatchtrackJobListener global() {
        return of(BatchTracking::global);
    }

    /**
     * A listener that records the jobs named in {@code types} under the batch types given, and any
     * other job under its own name.
     *
     * @throws IllegalArgumentException naming the job and the type, for a type that breaks batchtrack's name rule
     */
    public BatchtrackJobListener withJobTypes(Map<String, String> types) {
        Map<String, String> all = new LinkedHashMap<>(jobTypes);
        all.putAll(types);
        return new BatchtrackJobListener(runs, all);
    }

    private static Map<String, String> checked(Map<String, String> types) {
        Objects.requireNonNull(types, "job types must not be null");
        types.forEach((job, type) -> {
            if (job == null || job.isBlank()) {
                throw new IllegalArgumentException("a job type mapping has no job name (batch type " + type + ")");
            }
            Names.requireName("batch type of job " + job, type);
        });
        return Map.copyOf(types);
    }

    /** First before the other listeners, last after them: the run encloses everything the job does. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        JobRunSpecs.Resolved resolved;
        JobRuns.JobRun run;
        try {
            resolved = specs.resolve(execution, runs.clock());
            run = runs.open(resolved.spec());
        } catch (TrackingException meantForTheJob) { // fail-fast, and RunConflictException (a subclass)
            throw meantForTheJob;
        } catch (Throwable e) {
            Log.warnOnce("spring-batch:open", "batchtrack could not open the run of " + describe(execution)
                    + "; the job runs untracked", e);
            return;
        }
        open.put(execution.getId(), new OpenJob(run));
        for (String problem : resolved.problems()) {
            guarded(execution, "warn", () -> run.warn(JobRunSpecs.PARAMETERS_STAGE, problem));
            Log.warn(describe(execution) + ": " + problem);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        OpenJob job = open.get(step.getJobExecutionId());
        if (job != null) {
            guarded(step.getJobExecution(), "record step " + step.getStepName(), () -> job.record(step));
        }
        return null; // the step's exit status stays its own
    }

    @Override
    public void afterJob(JobExecution execution) {
        OpenJob job = open.remove(execution.getId());
        if (job == null) {
            return; // untracked, or already ended
        }
        for (StepExecution step : execution.getStepExecutions()) {
            guarded(execution, "record step " + step.getStepName(), () -> job.record(step));
        }
        Throwable failure;
        try {
            failure = JobEnding.failureOf(execution);
        } catch (Throwable e) {
            Log.warnOnce("spring-batch:ending", "batchtrack could not read how " + describe(execution)
                    + " ended; its run is ended by its status alone", e);
            failure = execution.getStatus() == BatchStatus.COMPLETED ? null : JobEnding.notCompleted(execution);
        }
        Throwable ending = failure;
        guarded(execution, "end the run", () -> job.run.end(ending));
    }

    /** Runs one tracking call; whatever it throws is logged, never thrown into Spring Batch. */
    private static void guarded(JobExecution execution, String what, Runnable call) {
        try {
            call.run();
        } catch (Throwable e) {
            Log.warnOnce("spring-batch:" + what.split(" ")[0], "batchtrack failed to " + what + " of "
                    + describe(execution) + "; the job goes on", e);
        }
    }

    private static String describe(JobExecution execution) {
        try {
            return "job " + execution.getJobInstance().getJobName() + " execution " + execution.getId();
        } catch (RuntimeException e) {
            return "a job execution";
        }
    }

    @Override
    public String toString() {
        return "BatchtrackJobListener[" + open.size() + " open" + (jobTypes.isEmpty() ? "" : ", types " + jobTypes) + "]";
    }

    /** A job execution's run, and the step executions already recorded in it (each is recorded once). */
    private static final class OpenJob {
        final JobRuns.JobRun run;
        final Set<Long> recorded = ConcurrentHashMap.newKeySet();

        OpenJob(JobRuns.JobRun run) {
            this.run = run;
        }

        void record(StepExecution step) {
            if (recorded.add(step.getId())) {
                StepReport.record(step, run);
            }
        }
    }
}
