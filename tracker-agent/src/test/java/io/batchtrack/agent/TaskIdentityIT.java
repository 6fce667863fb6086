package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inside a run, the agent carries the run to a pool's task without changing the task the pool and the
 * application see (src/test/apps/identity): a priority queue compares the application's own tasks,
 * {@code remove} finds them, {@code shutdownNow} hands them back, a rejection handler, {@code
 * beforeExecute}/{@code afterExecute} and {@code decorateTask} can cast them. Each behaviour is one
 * tracked run: the program prints the same lines as without the agent, and the tasks' counts reach it.
 */
class TaskIdentityIT {

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    /** One run of the program per JDK, which every test reads. */
    private static final Map<Jdk, AppRun> WITH_AGENT = new ConcurrentHashMap<>();

    private static AppRun withAgent(Jdk jdk) {
        AppRun run = WITH_AGENT.computeIfAbsent(jdk, j -> Forked.app(j, "app.identity.Main", app())
                .agent("store=log").run());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("done")).as(run.toString()).isEqualTo("true");
        return run;
    }

    private static Path app() {
        return TestApps.jar("identity", 17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aPriorityQueuePoolComparesTheApplicationsTasks(Jdk jdk) {
        AppRun run = withAgent(jdk);
        assertThat(run.value("priority.error")).as(run.toString()).isNull();
        assertThat(run.value("priority.order")).isEqualTo("[first, a, b, c]");
        assertThat(items(run, "priority_pool")).isEqualTo(4L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void removeFindsTheTaskItWasGiven(Jdk jdk) {
        AppRun run = withAgent(jdk);
        assertThat(run.value("remove.error")).as(run.toString()).isNull();
        assertThat(run.value("remove.result")).isEqualTo("true");
        assertThat(run.value("remove.ran")).isEqualTo("[blocker, kept]");
        assertThat(items(run, "remove_task")).isEqualTo(2L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shutdownNowReturnsTheApplicationsTasks(Jdk jdk) {
        AppRun run = withAgent(jdk);
        assertThat(run.value("shutdown-now.error")).as(run.toString()).isNull();
        assertThat(run.value("shutdown-now.same")).isEqualTo("true");
        assertThat(run.value("shutdown-now.ran")).isEqualTo("[blocker, x, y]");
        assertThat(items(run, "shutdown_now")).isEqualTo(3L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aRejectionHandlerGetsTheApplicationsTask(Jdk jdk) {
        AppRun run = withAgent(jdk);
        assertThat(run.value("rejected.error")).as(run.toString()).isNull();
        assertThat(run.value("rejected.names")).isEqualTo("[overflow]");
        assertThat(items(run, "rejection_handler")).isEqualTo(2L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void beforeAndAfterExecuteGetTheApplicationsTask(Jdk jdk) {
        AppRun run = withAgent(jdk);
        assertThat(run.value("hooks.error")).as(run.toString()).isNull();
        assertThat(run.value("hooks.seen")).isEqualTo("[before one, after one, before two, after two]");
        assertThat(items(run, "execute_hooks")).isEqualTo(2L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void decorateTaskGetsTheApplicationsTask(Jdk jdk) {
        AppRun run = withAgent(jdk);
        assertThat(run.value("decorate.error")).as(run.toString()).isNull();
        assertThat(run.value("decorate.names")).isEqualTo("[later, now] ran=[later, now]");
        assertThat(items(run, "decorate_task")).isEqualTo(2L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theProgramPrintsWhatItPrintsWithoutTheAgent(Jdk jdk) {
        AppRun without = Forked.app(jdk, "app.identity.Main", app(), TestApps.apiJar()).run();
        assertThat(without.exitCode()).as(without.toString()).isZero();
        assertThat(withAgent(jdk).results()).isEqualTo(without.results());
    }

    private static Object items(AppRun run, String batchType) {
        return ((Map<?, ?>) run.run(batchType).get("metrics")).get("items");
    }
}
