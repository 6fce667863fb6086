/**
 * Spring Batch jobs as batchtrack runs: {@link io.batchtrack.spring.batch.BatchtrackJobListener}, and
 * the Spring Boot auto-configuration that registers it on every job. Spring Batch's own tables are
 * left as they are; batchtrack's heartbeat and abandoned-run sweep cover the jobs' runs.
 */
package io.batchtrack.spring.batch;
