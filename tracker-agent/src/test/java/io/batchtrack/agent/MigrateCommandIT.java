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

        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(before.stdout()).contains(": no batchtrack tables");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("schema public at " + pg.jdbcUrl() + ": applied 1 migration(s), now at"
                + " version 1");
        assertThat(again.stdout()).contains("already at version 1, nothing to do");
        assertThat(after.stdout()).contains("version 1 (up to date)");
        assertThat(db.rows("SELECT count(*) AS n FROM {schema}.batch_runs")).containsExactly(java.util.Map.of("n", 0L));
        assertThat(db.rows("SELECT version FROM {schema}.batchtrack_schema_history WHERE success AND version = '1'"))
                .hasSize(1);
        assertThat(migrate.stderr() + again.stderr()).doesNotContain("WARN").doesNotContain("SLF4J");
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
