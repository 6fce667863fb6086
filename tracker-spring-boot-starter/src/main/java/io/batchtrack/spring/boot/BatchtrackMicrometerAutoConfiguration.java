package io.batchtrack.spring.boot;

import io.batchtrack.micrometer.MicrometerRunListener;
import io.batchtrack.spi.RunListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With tracker-micrometer on the class path and a {@link MeterRegistry} in the application (Actuator
 * makes one), every run is recorded in that registry by tracker-micrometer's own listener
 * ({@code batchtrack.run}, {@code batchtrack.run.active}, {@code batchtrack.run.metric}); the engine
 * takes every {@link RunListener} bean.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({MicrometerRunListener.class, MeterRegistry.class})
@ConditionalOnBooleanProperty(name = "batchtrack.enabled", matchIfMissing = true)
public class BatchtrackMicrometerAutoConfiguration {

    /** The engine closes it (it ends the samples of runs still open); Spring does not close it again. */
    @Bean(destroyMethod = "")
    @ConditionalOnBean(MeterRegistry.class)
    public RunListener batchtrackMicrometerRunListener(MeterRegistry registry) {
        return MicrometerRunListener.create(registry);
    }
}
