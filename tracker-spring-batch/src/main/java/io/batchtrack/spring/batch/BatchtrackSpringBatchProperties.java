package io.batchtrack.spring.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Spring Batch bridge's own keys, {@code batchtrack.spring-batch.*}, bound from
 * {@code application.yml} or properties (the configuration processor writes their metadata, for
 * IDE completion). They are Spring properties only: the agent and the plain engine do not read them.
 */
@ConfigurationProperties(prefix = "batchtrack.spring-batch")
public class BatchtrackSpringBatchProperties {
    /** false: no listener is registered, and the application's jobs run untracked. */
    private boolean enabled = true;
    /**
     * Batch types by job name, for jobs not to be recorded under their own name in batchtrack's form
     * (importUserJob is import_user_job); a job name matches ignoring case, '-' and '_'.
     */
    private Map<String, String> jobTypes = new LinkedHashMap<>();

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Map<String, String> getJobTypes() { return jobTypes; }
    public void setJobTypes(Map<String, String> jobTypes) { this.jobTypes = jobTypes; }
}
