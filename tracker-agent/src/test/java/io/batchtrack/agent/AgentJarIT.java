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
    void theStoreAndEveryLibraryItNeedsAreBundledUnderTheShadedPackage() throws IOException {
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            for (String type : List.of("jdbi/PostgresRunStore", "cli/BatchtrackCli", "status/StatusServer", "org/postgresql/Driver",
                    "org/jdbi/v3/core/Jdbi", "com/zaxxer/hikari/HikariDataSource", "org/flywaydb/core/Flyway",
                    "org/flywaydb/database/postgresql/PostgreSQLDatabaseType", "org/slf4j/LoggerFactory",
                    "io/leangen/geantyref/TypeToken", "schedule/Schedules", "com/cronutils/parser/CronParser",
                    "io/prometheus/metrics/expositionformats/PrometheusTextFormatWriter")) {
                assertThat(jar.getJarEntry("io/batchtrack/agent/shaded/" + type + ".class")).as(type).isNotNull();
            }
            assertThat(jar.getJarEntry("io/batchtrack/jdbi/PostgresRunStore.class")).isNull();
        }
    }

    @Test
    void theMigrationsMoveWithTheStoreSoThatAnApplicationsOwnCopyIsNotFoundTwice() throws IOException {
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            assertThat(jar.getJarEntry("io/batchtrack/agent/shaded/jdbi/migration/V1__batch_runs_and_data_readiness.sql"))
                    .isNotNull();
            assertThat(entries(jar)).noneMatch(name -> name.startsWith("db/"));
        }
    }

    @Test
    void serviceFilesNameRelocatedClassesAndFlywaysPluginsAreMerged() throws IOException {
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            List<String> services = entries(jar).stream().filter(n -> n.startsWith("META-INF/services/")
                    && !n.endsWith("/")).toList();
            assertThat(services).containsExactlyInAnyOrder(
                    "META-INF/services/io.batchtrack.spi.RunStoreProvider",
                    "META-INF/services/io.batchtrack.spi.RunListenerProvider",
                    "META-INF/services/io.batchtrack.agent.shaded.org.flywaydb.core.extensibility.Plugin",
                    "META-INF/services/io.batchtrack.agent.shaded.org.slf4j.spi.SLF4JServiceProvider");
            assertThat(lines(jar, "META-INF/services/io.batchtrack.spi.RunStoreProvider"))
                    .containsExactly("io.batchtrack.agent.internal.BundledJdbcStore");
            assertThat(lines(jar, "META-INF/services/io.batchtrack.spi.RunListenerProvider"))
                    .containsExactlyInAnyOrder("io.batchtrack.agent.shaded.schedule.internal.AnnotatedSchedulesProvider",
                            "io.batchtrack.agent.shaded.status.internal.StatusListenerProvider");
            assertThat(lines(jar, "META-INF/services/io.batchtrack.agent.shaded.org.slf4j.spi.SLF4JServiceProvider"))
                    .containsExactly("io.batchtrack.agent.internal.StoreLogging");
            List<String> plugins = lines(jar,
                    "META-INF/services/io.batchtrack.agent.shaded.org.flywaydb.core.extensibility.Plugin");
            assertThat(plugins).allMatch(p -> p.startsWith("io.batchtrack.agent.shaded.org.flywaydb."))
                    .contains("io.batchtrack.agent.shaded.org.flywaydb.core.internal.resource.CoreResourceTypeProvider",
                            "io.batchtrack.agent.shaded.org.flywaydb.database.postgresql.PostgreSQLDatabaseType");
            for (String plugin : plugins) {
                assertThat(jar.getJarEntry(plugin.replace('.', '/') + ".class")).as(plugin).isNotNull();
            }
        }
    }

    @Test
    void noMultiReleaseVariantEscapesRelocation() throws IOException {
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            assertThat(jar.isMultiRelease()).isFalse();
            assertThat(entries(jar)).noneMatch(name -> name.startsWith("META-INF/versions/"));
        }
    }

    @Test
    void everyBundledLicenseTextIsKept() throws IOException {
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            String licenses = new String(jar.getInputStream(jar.getJarEntry("META-INF/LICENSE")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(licenses).contains("Apache License").contains("PostgreSQL Global Development Group");
        }
    }

    private static List<String> entries(JarFile jar) {
        return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
    }

    private static List<String> lines(JarFile jar, String entry) throws IOException {
        String text = new String(jar.getInputStream(jar.getJarEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void theApiTravelsAsOneNestedJarAndNotAsLooseClasses() throws IOException {
        try (JarFile jar = new JarFile(TestApps.agentJar().toFile())) {
            assertThat(jar.getJarEntry("META-INF/batchtrack/tracker-api.jar")).isNotNull();
            assertThat(jar.getJarEntry("io/batchtrack/Tracker.class")).isNull();
            assertThat(jar.getJarEntry("io/batchtrack/internal/Woven.class")).isNull();
            // the api's test jar is a test dependency of the agent, never something the agent carries
            assertThat(jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("META-INF/batchtrack/") && !n.endsWith("/")))
                    .containsExactly("META-INF/batchtrack/tracker-api.jar");
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
