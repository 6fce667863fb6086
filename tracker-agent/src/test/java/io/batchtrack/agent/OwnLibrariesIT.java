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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's PostgreSQL driver, Jdbi, HikariCP and SLF4J are relocated (the driver is kept out of
 * DriverManager, SLF4J ignores the application's {@code slf4j.provider}), so an application keeps its own: the ownlibs application (src/test/apps/ownlibs)
 * brings older versions of all of them and uses them against the database the agent records in,
 * through DriverManager before and after its tracked call, and through its own pool and Jdbi inside it.
 */
@ExtendWith(PostgresExtension.class)
class OwnLibrariesIT {

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anApplicationWithItsOwnDriverJdbiAndPoolUsesThemAndIsTracked(Jdk jdk, PostgresDatabase pg) {
        Path driver = TestApps.appLibrary("postgresql", "batchtrack.test.postgresql-version");
        Path[] libraries = {driver, TestApps.appLibrary("jdbi3-core", "batchtrack.test.jdbi-version"),
            TestApps.appLibrary("geantyref", "batchtrack.test.geantyref-version"),
            TestApps.appLibrary("HikariCP", "batchtrack.test.hikaricp-version"),
            TestApps.appLibrary("slf4j-api", "batchtrack.test.slf4j-version"),
            TestApps.appLibrary("slf4j-nop", "batchtrack.test.slf4j-version")};
        Path app = TestApps.jar("ownlibs", 17, libraries);
        Path[] classpath = new Path[libraries.length + 1];
        classpath[0] = app;
        System.arraycopy(libraries, 0, classpath, 1, libraries.length);
        Database db = new Database(pg, "public");

        // the application names its SLF4J provider the explicit way; the agent's SLF4J must not take it for its own
        AppRun run = db.configure(Forked.app(jdk, "app.ownlibs.Main", classpath), null)
                .sysprop("slf4j.provider", "org.slf4j.nop.NOPServiceProvider").args(pg.jdbcUrl(), pg.user()).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String ownDriver = driver.getFileName().toString();
        assertThat(run.value("driver.jar")).isEqualTo(ownDriver);
        assertThat(run.value("jdbi.jar")).isEqualTo("jdbi3-core-" + System.getProperty("batchtrack.test.jdbi-version")
                + ".jar");
        assertThat(run.value("hikari.jar")).isEqualTo("HikariCP-" + System.getProperty("batchtrack.test.hikaricp-version")
                + ".jar");
        assertThat(run.value("before.connection.jar")).isEqualTo(ownDriver);
        assertThat(run.value("pool.connection.jar")).isEqualTo(ownDriver);
        assertThat(run.value("after.connection.jar")).isEqualTo(ownDriver);
        assertThat(run.value("drivers")).isEqualTo("[org.postgresql.Driver]");
        assertThat(run.value("tracked.result")).isEqualTo("2");
        assertThat(run.stderrLines("SLF4J")).as(run.toString()).hasSize(1)
                .allMatch(line -> line.contains("Attempting to load provider \"org.slf4j.nop.NOPServiceProvider\""));
        assertThat(run.stderr()).doesNotContain("WARNING");

        List<Map<String, Object>> runs = db.rows("SELECT id, status, custom_metrics FROM {schema}.batch_runs"
                + " WHERE batch_type = 'own_libraries'");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("id", run.value("track.inside")).containsEntry("status", "success")
                .containsEntry("custom_metrics", "{\"notes_written\": 2}");
    }
}
