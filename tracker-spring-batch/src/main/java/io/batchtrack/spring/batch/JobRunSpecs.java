package io.batchtrack.spring.batch;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.SeasonType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What run a job execution is. Batch type: the job's mapping, else its name in batchtrack's form
 * ({@link SpringBatchNames#batchType}). Mode: the job parameter {@code batch_mode}. Period: the job
 * parameters {@code season_year} and {@code week} (with {@code season_type}, default {@code reg}),
 * else the current NFL week by the engine's clock.
 *
 * <p>A parameter that cannot be used never stops the job: the run is recorded without it (no mode,
 * or the current week) and carries a warning naming the parameter, its value and the rule, so the
 * run shows {@code partial} and the mistake is seen where the run is.
 */
final class JobRunSpecs {
    static final String MODE = "batch_mode";
    static final String SEASON_YEAR = "season_year";
    static final String WEEK = "week";
    static final String SEASON_TYPE = "season_type";
    /** The stage of the warnings about job parameters. */
    static final String PARAMETERS_STAGE = "job_parameters";

    /** The spec, and what was wrong with the job's parameters (each becomes a warning of the run). */
    record Resolved(RunSpec spec, List<String> problems) {}

    private final Map<String, String> jobTypes;

    /**
     * @param jobTypes batch types by job name, already checked; a job name matches ignoring case,
     *     {@code -} and {@code _} (Spring's relaxed binding may hand {@code importUserJob} over as
     *     {@code importuserjob})
     */
    JobRunSpecs(Map<String, String> jobTypes) {
        Map<String, String> byKey = new java.util.HashMap<>();
        jobTypes.forEach((job, type) -> byKey.put(key(job), type));
        this.jobTypes = Map.copyOf(byKey);
    }

    private static String key(String jobName) {
        return jobName.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    }

    Resolved resolve(JobExecution execution, Clock clock) {
        String jobName = execution.getJobInstance().getJobName();
        JobParameters parameters = execution.getJobParameters();
        List<String> problems = new ArrayList<>();
        String type = jobTypes.getOrDefault(key(jobName), SpringBatchNames.batchType(jobName));
        RunSpec spec = RunSpec.of(type, period(parameters, clock, problems));
        String mode = text(parameters, MODE);
        if (mode != null) {
            try {
                spec = spec.withMode(mode);
            } catch (IllegalArgumentException e) {
                problems.add("job parameter " + MODE + " is unusable (" + e.getMessage() + "); the run has no mode");
            }
        }
        return new Resolved(spec, List.copyOf(problems));
    }

    private static Period period(JobParameters parameters, Clock clock, List<String> problems) {
        String year = text(parameters, SEASON_YEAR);
        String week = text(parameters, WEEK);
        String seasonType = text(parameters, SEASON_TYPE);
        if (year == null && week == null && seasonType == null) {
            return NflCalendar.current(clock);
        }
        Period current = NflCalendar.current(clock);
        if (year == null || week == null) {
            problems.add("job parameters " + SEASON_YEAR + " and " + WEEK + " go together, but only "
                    + (year == null ? WEEK + "=" + week : SEASON_YEAR + "=" + year)
                    + (seasonType == null ? "" : " and " + SEASON_TYPE + "=" + seasonType)
                    + " was given; the run is recorded for the current NFL week " + current);
            return current;
        }
        try {
            return new Period(integer(SEASON_YEAR, year), integer(WEEK, week),
                    seasonType == null ? SeasonType.REG : SeasonType.fromCode(seasonType));
        } catch (IllegalArgumentException e) {
            problems.add("job parameters " + SEASON_YEAR + "=" + year + ", " + WEEK + "=" + week
                    + (seasonType == null ? "" : ", " + SEASON_TYPE + "=" + seasonType) + " are no NFL week ("
                    + e.getMessage() + "); the run is recorded for the current NFL week " + current);
            return current;
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
        }
    }

    /** A parameter's value as text (Spring Batch's typed values: a Long year, a String week...), trimmed; null if absent. */
    private static String text(JobParameters parameters, String name) {
        JobParameter<?> parameter = parameters.getParameter(name);
        if (parameter == null || parameter.value() == null) {
            return null;
        }
        String text = String.valueOf(parameter.value()).trim();
        return text.isEmpty() ? null : text;
    }
}
