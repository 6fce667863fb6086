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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both agents: the OpenTelemetry Java agent (its SDK, exporting OTLP JSON to the log) and batchtrack's,
 * the application bringing opentelemetry-api and tracker-opentelemetry. One span per run, no more;
 * the outer run's parent is the OpenTelemetry agent's span of the method that called it, the nested
 * run's the outer run's; the rows keep the trace id.
 */
@ExtendWith(PostgresExtension.class)
class OpenTelemetryAgentIT {
    /** One span of the logging-otlp exporter's JSON: its ids and name, in the order the exporter writes them. */
    private static final Pattern SPAN = Pattern.compile("\"traceId\":\"([0-9a-f]{32})\",\"spanId\":\"([0-9a-f]{16})\","
            + "(?:\"parentSpanId\":\"([0-9a-f]{16})\",)?(?:\"flags\":\\d+,)?\"name\":\"([^\"]*)\"");

    @Test
    void oneSpanPerRunParentedUnderTheOpenTelemetryAgentsSpan(PostgresDatabase pg) {
        List<Path> libraries = new ArrayList<>();
        for (String a : List.of("opentelemetry-api", "opentelemetry-context", "opentelemetry-common")) {
            libraries.add(TestApps.appLibrary(a, "batchtrack.test.opentelemetry-version"));
        }
        libraries.add(TestApps.appLibrary("tracker-opentelemetry", "batchtrack.test.project-version"));
        Path app = TestApps.jar("otelagent", 17, libraries.toArray(new Path[0]));
        List<Path> classpath = new ArrayList<>(List.of(app));
        classpath.addAll(libraries);
        Path otelAgent = TestApps.appLibrary("opentelemetry-javaagent", "batchtrack.test.opentelemetry-javaagent-version");
        Database db = new Database(pg, "public");

        AppRun run = db.configure(Forked.app(Jdk.current(), "app.otelagent.Main", classpath.toArray(new Path[0])), null)
                .jvmOptionBeforeAgent("-javaagent:" + otelAgent)
                .sysprop("otel.traces.exporter", "logging-otlp").sysprop("otel.metrics.exporter", "none")
                .sysprop("otel.logs.exporter", "none").sysprop("otel.javaagent.logging", "simple")
                .sysprop("otel.instrumentation.methods.include", "app.otelagent.Main[work]").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("woven.result")).isEqualTo("3");
        String trace = run.value("work.trace");
        assertThat(trace).as(run.toString()).isNotEqualTo("00000000000000000000000000000000");
        List<String[]> spans = new ArrayList<>();
        Matcher m = SPAN.matcher(run.stdout() + run.stderr());
        while (m.find()) {
            spans.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        List<String[]> weekly = spans.stream().filter(s -> s[3].equals("batchtrack.run otel_weekly")).toList();
        List<String[]> predictions = spans.stream().filter(s -> s[3].equals("batchtrack.run otel_predictions")).toList();
        assertThat(weekly).as("one span per run, nothing doubled:%n%s", run).hasSize(1);
        assertThat(predictions).as(run.toString()).hasSize(1);
        assertThat(spans.stream().filter(s -> s[3].startsWith("batchtrack"))).hasSize(2);
        assertThat(weekly.get(0)[0]).isEqualTo(trace);
        assertThat(weekly.get(0)[2]).as("parent: the OpenTelemetry agent's span").isEqualTo(run.value("work.span"));
        assertThat(predictions.get(0)[0]).isEqualTo(trace);
        assertThat(predictions.get(0)[2]).as("parent: the outer run").isEqualTo(weekly.get(0)[1]);

        List<Map<String, Object>> rows = db.rows("SELECT batch_type, trace_id FROM {schema}.batch_runs");
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("trace_id", trace));
    }
}
