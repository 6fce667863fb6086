package io.batchtrack.spring.boot;

import io.batchtrack.opentelemetry.OpenTelemetryRunListener;
import io.batchtrack.spi.RunListener;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With tracker-opentelemetry on the class path, every run is an OpenTelemetry span, as under the agent or
 * {@code BatchTracking.fromConfig} (whose {@code ServiceLoader} provider the starter's engine does not ask):
 * into the application's {@link OpenTelemetry} bean when it has one, else into {@code GlobalOpenTelemetry}
 * (the OpenTelemetry Java agent's, or an SDK registered as the global), looked up at each run. An
 * {@link OpenTelemetryRunListener} bean of the application's own replaces this one: never two spans a run.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"})
@ConditionalOnClass({OpenTelemetryRunListener.class, OpenTelemetry.class})
@ConditionalOnBooleanProperty(name = "batchtrack.enabled", matchIfMissing = true)
public class BatchtrackOpenTelemetryAutoConfiguration {

    /** The engine closes it; Spring does not close it again. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(OpenTelemetryRunListener.class)
    public OpenTelemetryRunListener batchtrackOpenTelemetryRunListener(ObjectProvider<OpenTelemetry> openTelemetry) {
        OpenTelemetry application = openTelemetry.getIfUnique();
        return application == null ? OpenTelemetryRunListener.global() : OpenTelemetryRunListener.create(application);
    }
}
