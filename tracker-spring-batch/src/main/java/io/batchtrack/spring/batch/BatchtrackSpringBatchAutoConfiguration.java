package io.batchtrack.spring.batch;

import io.batchtrack.BatchTracking;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * With Spring Batch on the class path, every job of the application is tracked: one
 * {@link BatchtrackJobListener}, registered on every job and step bean. It records into the
 * application's {@link BatchTracking} bean (tracker-spring-boot-starter's, which this runs after),
 * else into the global engine. {@code batchtrack.spring-batch.enabled=false} (or
 * {@code batchtrack.enabled=false}) turns it off; {@code batchtrack.spring-batch.job-types.<job>}
 * gives a job a batch type other than its own name.
 */
@AutoConfiguration(afterName = "io.batchtrack.spring.boot.BatchtrackAutoConfiguration")
@ConditionalOnClass({Job.class, JobExecutionListener.class})
@ConditionalOnBooleanProperty(name = "batchtrack.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "batchtrack.spring-batch.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BatchtrackSpringBatchProperties.class)
public class BatchtrackSpringBatchAutoConfiguration {

    /** A batch type that breaks batchtrack's name rule stops the start, naming the job and the type. */
    @Bean
    @ConditionalOnMissingBean
    public BatchtrackJobListener batchtrackJobListener(ObjectProvider<BatchTracking> tracking,
            BatchtrackSpringBatchProperties properties) {
        return BatchtrackJobListener.of(() -> tracking.getIfAvailable(BatchTracking::global))
                .withJobTypes(properties.getJobTypes());
    }

    /** Static: a post-processor is created before the beans it processes. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static JobListenerRegistrar batchtrackJobListenerRegistrar(ObjectProvider<BatchtrackJobListener> listener) {
        return new JobListenerRegistrar(listener);
    }
}
