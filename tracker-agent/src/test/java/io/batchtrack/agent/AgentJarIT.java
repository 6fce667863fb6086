package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded agent jar: what it holds, its manifest, and its command line. */
class AgentJarIT {

    @Test
    void everyClassInTheAgentJarIsTheAgentsOwnOrRelocatedUnderItsShadedPackage() throws IOException {
        List<String> foreign = new ArrayList<>();
        int shaded = 0;
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                String name = e.getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                if (name.startsWith("io/batchtrack/agent/shaded/")) {
                    shaded++;
                } else if (!name.startsWith("io/batchtrack/agent/")) {
                    foreign.add(name);
                }
            }
        }
        assertThat(foreign).isEmpty();
        assertThat(shaded).as("relocated Byte Buddy classes").isGreaterThan(1000);
    }

    @Test
    void theApiTravelsAsOneNestedJarAndNotAsLooseClasses() throws IOException {
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            assertThat(jar.getJarEntry("META-INF/batchtrack/tracker-api.jar")).isNotNull();
            assertThat(jar.getJarEntry("io/batchtrack/Tracker.class")).isNull();
            assertThat(jar.getJarEntry("io/batchtrack/internal/Woven.class")).isNull();
        }
    }

    @Test
    void theManifestNamesThePremainAndMainClasses() throws IOException {
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("io.batchtrack.agent.BatchtrackAgent");
            assertThat(main.getValue("Main-Class")).isEqualTo("io.batchtrack.agent.BatchtrackAgent");
            assertThat(main.getValue("Automatic-Module-Name")).isEqualTo("io.batchtrack.agent");
        }
    }

    @Test
    void theJarRunsAsACommandAndPrintsItsVersion() throws Exception {
        Process p = new ProcessBuilder(Jdk.current().java(), "-jar", TestApps.agentJar().toString(), "version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("batchtrack agent 0.");
    }

    @Test
    void anUnknownCommandExitsWithStatusTwoAndTheUsage() throws Exception {
        Process p = new ProcessBuilder(Jdk.current().java(), "-jar", TestApps.agentJar().toString(), "frobnicate")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("unknown command 'frobnicate'").contains("usage: java -jar tracker-agent.jar");
    }
}
