package io.batchtrack.spring.boot;

import io.batchtrack.BatchTracking;
import io.batchtrack.spi.RunListener;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * batchtrack in a Spring Boot application: the engine (made the global one, so woven, proxied and
 * programmatic runs are the same runs), built after the application's own database initialisation
 * (its Flyway migrations first; batchtrack's have their own history table), and the advisor that
 * tracks {@code @TrackedBatch} bean methods. {@code batchtrack.enabled=false} turns it all off.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "batchtrack.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BatchtrackProperties.class)
public class BatchtrackAutoConfiguration {

    /** Closed with the context: its heartbeat stops and spooled records get one last hand-over. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public BatchTracking batchTracking(Environment environment, ObjectProvider<DataSource> dataSource,
            ObjectProvider<RunListener> listeners) {
        BatchTracking tracking = SpringEngine.build(SpringTrackerConfig.from(environment), dataSource.getIfUnique(),
                listeners.orderedStream().toList());
        BatchTracking.setGlobal(tracking);
        return tracking;
    }

    /** Static: a post-processor is created before the other beans it proxies. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TrackedBatchAdvisingPostProcessor batchtrackTrackedBatchAdvisingPostProcessor() {
        return new TrackedBatchAdvisingPostProcessor();
    }
}
