package io.batchtrack.spring.boot;

import io.batchtrack.BatchTracking;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator: the {@code batchtrack} health indicator ({@code management.health.batchtrack.enabled})
 * and the {@code /actuator/batchtrack} endpoint (exposed as any endpoint is, through
 * {@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = BatchtrackAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(BatchTracking.class)
public class BatchtrackActuatorAutoConfiguration {

    @Bean
    @ConditionalOnAvailableEndpoint
    public BatchtrackEndpoint batchtrackEndpoint(BatchTracking tracking) {
        return new BatchtrackEndpoint(tracking);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("batchtrack")
    static class Health {
        @Bean
        HealthIndicator batchtrackHealthIndicator(BatchTracking tracking) {
            return new BatchtrackHealthIndicator(tracking);
        }
    }
}
