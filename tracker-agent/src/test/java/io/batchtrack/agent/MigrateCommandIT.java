package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code java -jar tracker-agent.jar migrate | status}: tracker-jdbi's command, bundled, with the
 * tracker's configuration (system properties {@code batchtrack.*}, environment {@code BATCHTRACK_*});
 * the migrations it applies come out of the agent jar.
 */
@ExtendWith(PostgresExtension.class)
class MigrateCommandIT {

    private static Forked command(PostgresDatabase pg, String... args) {
        return new Database(pg, "public").password(Forked.jar(Jdk.current(), TestApps.agentJar())
                .sysprop("batchtrack.jdbc.url", pg.jdbcUrl()).sysprop("batchtrack.jdbc.user", pg.user()).args(args));
    }

    @Test
    void migrateCreatesTheTablesOnceAndStatusReportsTheVersion(PostgresDatabase pg) {
        Database db = new Database(pg, "public");

        AppRun before = command(pg, "status").run();
        AppRun migrate = command(pg, "migrate").run();
        AppRun again = command(pg, "migrate").run();
        AppRun after = command(pg, "status").run();
        AppRun sweep = command(pg, "sweep").run();
        AppRun purge = command(pg, "purge", "--older-than", "P90D").run();

        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(before.stdout()).contains(": no batchtrack tables");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("schema public at " + pg.jdbcUrl() + ": applied 3 migration(s), now at"
                + " version 4");
        assertThat(again.stdout()).contains("already at version 4, nothing to do");
        assertThat(after.stdout()).contains("version 4 (up to date)");
        assertThat(sweep.stdout()).as(sweep.toString()).contains(": marked 0 run(s) abandoned");
        assertThat(purge.stdout()).as(purge.toString()).contains(": deleted 0 finished run(s) older than P90D");
        assertThat(db.rows("SELECT count(*) AS n FROM {schema}.batch_runs")).containsExactly(java.util.Map.of("n", 0L));
        assertThat(db.rows("SELECT version FROM {schema}.batchtrack_schema_history WHERE success AND version = '4'"))
                .hasSize(1);
        assertThat(migrate.stderr() + again.stderr()).doesNotContain("WARN").doesNotContain("SLF4J");
    }

    @Test
    void withMigrateOnStartOffRunsAreRecordedOnlyOnceTheCommandHasMigrated(PostgresDatabase pg) {
        Database db = new Database(pg, "public");

        AppRun unmigrated = simpleApp(db).run();
        AppRun migrate = command(pg, "migrate").run();
        AppRun migrated = simpleApp(db).run();

        assertThat(unmigrated.value("woven.result")).isEqualTo("2");
        // one line for the runs' starts, one for their ends; each names the command
        assertThat(unmigrated.stderrLines("migrate-on-start=false: run the migrate command (java -jar"
                + " tracker-agent.jar migrate")).as(unmigrated.toString()).hasSize(2);
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrated.stderr()).doesNotContain("WARNING");
        assertThat(db.rows("SELECT batch_type, status FROM {schema}.batch_runs ORDER BY batch_type")).containsExactly(
                java.util.Map.of("batch_type", "programmatic_job", "status", "success"),
                java.util.Map.of("batch_type", "simple_job", "status", "success"));
    }

    private static Forked simpleApp(Database db) {
        return db.configure(Forked.app(Jdk.current(), "app.simple.Main", TestApps.jar("simple", 17)),
                "migrate-on-start=false");
    }

    @Test
    void theEnvironmentConfiguresTheCommandAndChoosesTheSchema(PostgresDatabase pg) {
        Forked migrate = Forked.jar(Jdk.current(), TestApps.agentJar()).args("migrate")
                .env("BATCHTRACK_JDBC_URL", pg.jdbcUrl()).env("BATCHTRACK_JDBC_USER", pg.user())
                .env("BATCHTRACK_SCHEMA", "ops");
        AppRun run = new Database(pg, "ops").password(migrate).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("schema ops at ");
        assertThat(new Database(pg, "ops").rows("SELECT * FROM {schema}.data_readiness")).isEmpty();
    }

    @Test
    void withoutAJdbcUrlTheCommandFailsNamingTheKey() {
        AppRun run = Forked.jar(Jdk.current(), TestApps.agentJar()).args("migrate").run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("jdbc.url").contains("BATCHTRACK_JDBC_URL");
    }

    @Test
    void anUnreachableDatabaseFailsTheCommandWithStatusOne() {
        AppRun run = Forked.jar(Jdk.current(), TestApps.agentJar()).args("migrate")
                .env("BATCHTRACK_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/nfl")
                .env("BATCHTRACK_JDBC_CONNECTION_TIMEOUT_MS", "500").run();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).contains("batchtrack migrate failed").contains("127.0.0.1:1");
    }
}
