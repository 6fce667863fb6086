package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under the agent, tracking code that throws never breaks the batch (src/test/apps/failing, against
 * store=failing from src/test/apps/failing-store): a store throwing an {@code Error} at its start,
 * heartbeat, end or readiness refresh leaves each woven method's body run once, its value returned
 * and its own exception instance thrown, and the failure logged. A representative set; the whole
 * matrix is tracker-api's {@code TrackingFailureMatrixTest}.
 */
class TrackingFailuresIT {

    static Stream<Arguments> failures() {
        List<Arguments> cases = new ArrayList<>();
        for (String call : List.of("start", "heartbeat", "end", "readiness")) {
            for (String kind : List.of("NoSuchMethodError", "AssertionError", "StackOverflowError")) {
                cases.add(Arguments.of(call, kind));
            }
        }
        cases.add(Arguments.of("end", "OutOfMemoryError"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("failures")
    void aStoreThatThrowsAnErrorNeverChangesWhatTheWovenMethodReturnsOrThrows(String call, String kind) {
        AppRun run = Forked.app(Jdk.current(), "app.failing.Main", TestApps.jar("failing", 8),
                TestApps.jar("failing-store", 17))
                .agent("store=failing,heartbeat-interval=100ms,spool.dir=none")
                .sysprop("batchtrack.failing.call", call).sysprop("batchtrack.failing.kind", kind).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("returns.result")).as(run.toString()).isEqualTo("42");
        assertThat(run.value("returns.bodies")).isEqualTo("1");
        assertThat(run.value("throws.same")).as(run.toString()).isEqualTo("true");
        assertThat(run.value("throws.bodies")).isEqualTo("1");
        assertThat(run.stderrLines("scripted " + kind + " at " + call)).as("the failure is logged: " + run).isNotEmpty();
        if (!call.equals("end")) {
            assertThat(run.run("failing_returns")).containsEntry("status", "success");
            assertThat(run.run("failing_throws")).containsEntry("status", "failed");
        }
    }

    @Test
    void aStaleStoreProviderEntryIsLoggedOnceAndEveryCallRunsUntracked() {
        AppRun run = Forked.app(Jdk.current(), "app.failing.Main", TestApps.jar("failing", 8),
                TestApps.jar("stale-provider", 17)).agent("store=missing,spool.dir=none").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("returns.result")).as(run.toString()).isEqualTo("42");
        assertThat(run.value("throws.same")).as(run.toString()).isEqualTo("true");
        assertThat(run.stderrLines("RemovedStoreProvider")).as("logged once: " + run).hasSize(1);
    }
}
