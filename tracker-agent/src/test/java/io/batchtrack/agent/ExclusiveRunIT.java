package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @TrackedBatch(exclusive = true)} under the agent (src/test/apps/exclusive), against
 * store=conflict (src/test/apps/conflict-store: another process always holds the period): a losing call never runs its
 * body; under on-conflict=skip a void method returns at once, a method with a result still throws.
 */
class ExclusiveRunIT {

    static Stream<Arguments> jdksAndReleases() {
        return Jdk.all().stream().flatMap(jdk -> Stream.of(arguments(jdk, 8), arguments(jdk, jdk.feature())));
    }

    private static AppRun run(Jdk jdk, int release, String onConflict) {
        return Forked.app(jdk, "app.exclusive.Main", TestApps.jar("exclusive", release), TestApps.jar("conflict-store", 17))
                .agent("store=conflict,on-conflict=" + onConflict).run();
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void underSkipAWovenVoidMethodReturnsWithoutRunningItsBodyAndAMethodWithAResultThrows(Jdk jdk, int release) {
        AppRun run = run(jdk, release, "skip");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("weekly.returned")).isEqualTo("true");
        assertThat(run.value("weekly.body")).isNull();
        assertThat(run.value("counted.threw")).isEqualTo("io.batchtrack.RunConflictException");
        assertThat(run.value("counted.body")).isNull();
        assertThat(run.value("free.result")).isEqualTo("6");
        assertThat(run.run("weekly_update")).containsEntry("status", "skipped").containsEntry("error_type", "conflict");
        assertThat(run.run("prediction_generation")).containsEntry("status", "skipped");
        assertThat(run.run("roster_refresh")).containsEntry("status", "success");
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void underFailEveryLosingCallThrowsAndNoBodyRuns(Jdk jdk, int release) {
        AppRun run = run(jdk, release, "fail");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("weekly.threw")).isEqualTo("io.batchtrack.RunConflictException");
        assertThat(run.value("weekly.body")).isNull();
        assertThat(run.value("counted.threw")).isEqualTo("io.batchtrack.RunConflictException");
        assertThat(run.run("weekly_update")).containsEntry("status", "skipped");
        assertThat(run.value("done")).isEqualTo("true");
    }
}
