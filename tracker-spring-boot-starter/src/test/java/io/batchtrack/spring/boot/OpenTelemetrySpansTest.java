package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.opentelemetry.OpenTelemetryRunListener;
import io.batchtrack.testing.Poll;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With tracker-opentelemetry on the class path, each tracked call of a Spring bean is one OpenTelemetry
 * span in the application's {@link OpenTelemetry} bean, as the agent's engine gives through the
 * provider; with the application's own {@link OpenTelemetryRunListener} bean too, still one.
 */
@ExtendWith(PostgresExtension.class)
class OpenTelemetrySpansTest {
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static PostgresDatabase db;

    @BeforeAll
    static void database(PostgresDatabase database) {
        db = database;
    }

    static void datasource(DynamicPropertyRegistry registry) {
        TestDataSource.register(registry, () -> db);
    }

    /** The application's SDK, exporting to memory. */
    @TestConfiguration
    static class ApplicationSdk {
        @Bean
        OpenTelemetry openTelemetry() {
            return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build()).build();
        }
    }

    /** The application also declares the listener itself. */
    @TestConfiguration
    static class OwnListener {
        @Bean(destroyMethod = "")
        OpenTelemetryRunListener ownOpenTelemetryRunListener(OpenTelemetry openTelemetry) {
            return OpenTelemetryRunListener.create(openTelemetry);
        }
    }

    static void twoCallsAreTwoSpans(WeeklyUpdate weeklyUpdate) {
        SPANS.reset();
        weeklyUpdate.update();
        weeklyUpdate.update();
        Poll.until(Duration.ofSeconds(10), () -> SPANS.getFinishedSpanItems().size() >= 2, "two spans");
        assertThat(SPANS.getFinishedSpanItems()).hasSize(2)
                .allSatisfy(s -> assertThat(s.getName()).isEqualTo("batchtrack.run weekly_update"));
    }

    @Nested
    @SpringBootTest(classes = {TestApplication.class, ApplicationSdk.class},
            properties = {"batchtrack.spool.dir=none", "batchtrack.status.path=none"})
    class WithTheApplicationsOpenTelemetry {
        @Autowired WeeklyUpdate weeklyUpdate;

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            datasource(registry);
        }

        @Test
        void each_call_is_one_span() {
            twoCallsAreTwoSpans(weeklyUpdate);
        }
    }

    @Nested
    @SpringBootTest(classes = {TestApplication.class, ApplicationSdk.class, OwnListener.class},
            properties = {"batchtrack.spool.dir=none", "batchtrack.status.path=none"})
    class WithTheApplicationsOwnListenerToo {
        @Autowired WeeklyUpdate weeklyUpdate;

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            datasource(registry);
        }

        @Test
        void each_call_is_still_one_span() {
            twoCallsAreTwoSpans(weeklyUpdate);
        }
    }
}
