package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Under the agent, an application with opentelemetry-api (and its SDK) and tracker-opentelemetry on its
 * class path gets one span per run in its own SDK: the agent bundles no OpenTelemetry and relocates none.
 * How the listener reaches the application's class loader: tracker-api sits on the bootstrap class path,
 * and the engine looks its {@code RunListenerProvider}s up through the thread context class loader too
 * (the application's, when its first tracked call builds the engine), so the application's own
 * tracker-opentelemetry jar is found there and its classes link against the application's
 * {@code io.opentelemetry.api}: the spans go to the SDK the application registered as the global. The
 * run rows keep the spans' trace id.
 */
@ExtendWith(PostgresExtension.class)
class OpenTelemetryIT {

    static Path[] otelClasspath() {
        List<Path> jars = new ArrayList<>();
        for (String a : List.of("opentelemetry-api", "opentelemetry-context", "opentelemetry-common",
                "opentelemetry-sdk", "opentelemetry-sdk-common", "opentelemetry-sdk-trace", "opentelemetry-sdk-metrics",
                "opentelemetry-sdk-logs", "opentelemetry-sdk-testing")) {
            jars.add(TestApps.appLibrary(a, "batchtrack.test.opentelemetry-version"));
        }
        jars.add(TestApps.appLibrary("tracker-opentelemetry", "batchtrack.test.project-version"));
        return jars.toArray(new Path[0]);
    }

    @Test
    void theRunsAreSpansOfTheApplicationsSdkParentedUnderItsSpanAndNested(PostgresDatabase pg) {
        Path[] libraries = otelClasspath();
        Path app = TestApps.jar("otel", 17, libraries);
        Path[] classpath = new Path[libraries.length + 1];
        classpath[0] = app;
        System.arraycopy(libraries, 0, classpath, 1, libraries.length);
        Database db = new Database(pg, "public");

        AppRun run = db.configure(Forked.app(Jdk.current(), "app.otel.Main", classpath), null).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("woven.result")).isEqualTo("3");
        assertThat(run.value("spans")).as(run.toString()).isEqualTo("3");
        String trace = run.value("request.trace");
        String[] weekly = run.value("span.batchtrack.run_otel_weekly").split(" ");
        String[] predictions = run.value("span.batchtrack.run_otel_predictions").split(" ");
        assertThat(weekly[0]).isEqualTo(trace);
        assertThat(weekly[2]).as("parent: the application's span").isEqualTo(run.value("request.span"));
        assertThat(predictions[0]).isEqualTo(trace);
        assertThat(predictions[2]).as("parent: the run it is nested in").isEqualTo(weekly[1]);

        List<Map<String, Object>> rows = db.rows("SELECT id::text AS id, batch_type, trace_id FROM {schema}.batch_runs"
                + " ORDER BY batch_type");
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("trace_id", trace));
        assertThat(rows.get(1)).containsEntry("id", weekly[3]);
        assertThat(run.stderr()).doesNotContain("run listener");
    }
}
