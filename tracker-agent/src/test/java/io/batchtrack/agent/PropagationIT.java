package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the agent, work handed to the JDK's executors counts into the run of the thread that handed it
 * over, with no {@code Tracker.wrap} in the application (src/test/apps/threads). The application uses
 * the executors before its tracked class loads, so the executors are retransformed, not woven at load.
 */
class PropagationIT {

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void tasksOnTheJdksExecutorsCountIntoTheRunThatSubmittedThem(Jdk jdk) {
        AppRun run = Forked.app(jdk, "app.threads.Main", TestApps.jar("threads", 17)).agent("store=log").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("done")).as(run.toString()).isEqualTo("true");
        assertThat(metrics(run, "parallel_stream")).isEqualTo(Map.of("items", 10_000L));
        assertThat(metrics(run, "fixed_pool")).isEqualTo(Map.of("items", 1_200L, "executed", 400L, "invoked", 2L));
        assertThat(metrics(run, "scheduled")).isEqualTo(Map.of("items", 12L));
        assertThat(metrics(run, "completable_future")).isEqualTo(Map.of("items", 41L));
        assertThat(run.value("completable.result")).isEqualTo("2");
        if (jdk.feature() >= 21) {
            assertThat(metrics(run, "virtual_threads")).isEqualTo(Map.of("items", 100L, "executed", 100L));
        }
        // two runs open at once on one pool: each has exactly its own tasks' counts
        assertThat(run.runsOf("shared_pool")).hasSize(2).extracting(r -> r.get("week") + "=" + r.get("metrics"))
                .containsExactlyInAnyOrder("6={a_items=1000}", "7={b_items=1000}");
        // the task that counted after its run ended changed nothing, and said so
        assertThat(metrics(run, "late_task")).isEqualTo(Map.of("items", 1L));
        assertThat(run.stderrLines("has already ended")).hasSize(1)
                .allMatch(line -> line.contains("(late_task)") && line.contains("increment of items"));
        // a worker gives the run back when its task ends
        assertThat(run.value("track.idle-worker")).isEqualTo("false");
        assertThat(run.stderr()).doesNotContain("cannot propagate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void withPropagationOffOnlyTheSubmittingThreadCounts(Jdk jdk) {
        AppRun run = Forked.app(jdk, "app.threads.Main", TestApps.jar("threads", 17))
                .agent("store=log,propagation.enabled=false").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(metrics(run, "fixed_pool")).isEmpty();
        assertThat(metrics(run, "scheduled")).isEmpty();
        assertThat(metrics(run, "completable_future")).isEmpty();
        assertThat(run.runsOf("shared_pool")).allMatch(r -> ((Map<?, ?>) r.get("metrics")).isEmpty());
        assertThat(metrics(run, "late_task")).isEqualTo(Map.of("items", 1L));
        assertThat(run.stderrLines("has already ended")).isEmpty();
    }

    private static Map<?, ?> metrics(AppRun run, String batchType) {
        return (Map<?, ?>) run.run(batchType).get("metrics");
    }
}
