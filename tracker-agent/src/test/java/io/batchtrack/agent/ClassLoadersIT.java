package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One tracker for every class loader: the loaders application (src/test/apps/loaders) runs tracked
 * code in its own class loader, in a child URLClassLoader and in a URLClassLoader with no parent but
 * the bootstrap loader; once as a thin jar (the api only on the agent's bootstrap path) and once as a
 * jar that bundles its own copy of tracker-api.
 */
class ClassLoadersIT {
    private static final Map<String, AppRun> RUNS = new ConcurrentHashMap<>();

    static Stream<Arguments> jdksAndPackagings() {
        return Jdk.all().stream().flatMap(jdk -> Stream.of(arguments(jdk, "thin jar"), arguments(jdk, "jar with api")));
    }

    private static AppRun run(Jdk jdk, String packaging) {
        return RUNS.computeIfAbsent(jdk + "/" + packaging, k -> {
            Path app = TestApps.jar("loaders", 8);
            Path plugin = TestApps.jar("plugin", 8);
            Path jar = packaging.equals("thin jar") ? app : TestApps.withBundledApi(app);
            return Forked.app(jdk, "app.loaders.Main", jar).agent("store=log").args(plugin.toString()).run();
        });
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("jdksAndPackagings")
    void applicationCodeReachesTheAgentsTrackerThroughTheBootstrapCopyOfTheApi(Jdk jdk, String packaging) {
        AppRun run = run(jdk, packaging);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("track.app.api")).isEqualTo("bootstrap");
        assertThat(run.value("app.result")).isEqualTo("11");
        assertThat(run.run("app_job")).containsEntry("status", "success");
        assertThat(run.value("track.app.inside")).isEqualTo(run.run("app_job").get("batchtrack_run"));
        assertThat(run.value("track.after.current")).isEqualTo("none");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("jdksAndPackagings")
    void aPluginInAChildClassLoaderIsWovenAndSharesTheCallersTracker(Jdk jdk, String packaging) {
        AppRun run = run(jdk, packaging);
        Map<String, Object> child = pluginRun(run, "child");
        Map<String, Object> nested = pluginRun(run, "nested");

        assertThat(run.value("track.child.result")).isEqualTo(child.get("batchtrack_run") + " api=bootstrap");
        assertThat(child).containsEntry("status", "success").containsEntry("parent_run_id", null)
                .containsEntry("metrics", Map.of("predictions_generated", 4L));
        assertThat(run.value("track.nested.result")).isEqualTo(nested.get("batchtrack_run") + " api=bootstrap");
        assertThat(nested).containsEntry("parent_run_id", run.run("app_job").get("batchtrack_run"));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("jdksAndPackagings")
    void aClassLoaderWhoseParentIsTheBootstrapLoaderStillSeesTheApi(Jdk jdk, String packaging) {
        AppRun run = run(jdk, packaging);
        Map<String, Object> isolated = pluginRun(run, "isolated");

        assertThat(run.value("track.isolated.loader")).isEqualTo("isolated");
        assertThat(run.value("track.isolated.result")).isEqualTo(isolated.get("batchtrack_run") + " api=bootstrap");
        assertThat(isolated).containsEntry("status", "success").containsEntry("parent_run_id", null);
        assertThat(run.runs()).hasSize(4);
    }

    private static Map<String, Object> pluginRun(AppRun run, String mode) {
        return run.runsOf("plugin_job").stream().filter(r -> mode.equals(r.get("batch_mode"))).findFirst()
                .orElseThrow(() -> new AssertionError("no plugin_job run in mode " + mode + "\n" + run));
    }
}
