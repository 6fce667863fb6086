package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's Byte Buddy is relocated, so an application keeps its own: the ownbb application
 * (src/test/apps/ownbb) has an older Byte Buddy on its class path and generates classes with it,
 * inside and outside a tracked method.
 */
class OwnByteBuddyIT {

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anApplicationWithItsOwnByteBuddyUsesItsOwnVersionAndIsTracked(Jdk jdk) {
        Path byteBuddy = Path.of(System.getProperty("batchtrack.test.bytebuddy-jar"));
        Path app = TestApps.jar("ownbb", 8, byteBuddy);

        AppRun plain = Forked.app(jdk, "app.ownbb.Main", app, byteBuddy, TestApps.apiJar()).run();
        AppRun woven = Forked.app(jdk, "app.ownbb.Main", app, byteBuddy).agent("store=log").run();

        assertThat(woven.exitCode()).as(woven.toString()).isZero();
        assertThat(woven.results()).containsExactlyElementsOf(plain.results());
        assertThat(woven.value("bytebuddy.jar"))
                .isEqualTo("byte-buddy-" + System.getProperty("batchtrack.test.bytebuddy-version") + ".jar");
        assertThat(woven.value("tracked.result")).isEqualTo("made in a tracked method");
        assertThat(woven.run("own_bytebuddy")).containsEntry("status", "success");
        assertThat(woven.value("track.tracked.inside")).isEqualTo(woven.run("own_bytebuddy").get("batchtrack_run"));
    }
}
