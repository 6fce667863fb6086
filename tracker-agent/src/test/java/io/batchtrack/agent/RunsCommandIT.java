package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code java -jar tracker-agent.jar runs | readiness}: the operator's reads of tracker-cli, bundled,
 * over the runs that a batch under the agent recorded, in forked JVMs.
 */
@ExtendWith(PostgresExtension.class)
class RunsCommandIT {

    private static Forked command(PostgresDatabase pg, String schema, String... args) {
        return new Database(pg, schema).password(Forked.jar(Jdk.current(), TestApps.agentJar())
                .env("BATCHTRACK_JDBC_URL", pg.jdbcUrl()).env("BATCHTRACK_JDBC_USER", pg.user())
                .env("BATCHTRACK_SCHEMA", schema).args(args));
    }

    @Test
    void theRunsOfABatchUnderTheAgentAndItsWeeksReadinessAreReadFromTheAgentJar(PostgresDatabase pg) {
        Database db = new Database(pg, "ops_reads");
        AppRun batch = db.configure(Forked.app(Jdk.current(), "app.simple.Main", TestApps.jar("simple", 17)), "").run();
        assertThat(batch.value("woven.result")).as(batch.toString()).isEqualTo("2");

        AppRun table = command(pg, "ops_reads", "runs", "--type", "simple_job").run();
        AppRun json = command(pg, "ops_reads", "runs", "--json").run();
        AppRun readiness = command(pg, "ops_reads", "readiness", "--season", "2025", "--week", "9").run();
        AppRun wrong = command(pg, "ops_reads", "runs", "--limit", "5000").run();

        assertThat(table.exitCode()).as(table.toString()).isZero();
        List<String> lines = table.stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("type").contains("status").contains("games").endsWith("id");
        assertThat(lines.get(2)).startsWith("simple_job ").contains(" 2025/reg/9 ").contains(" success ")
                .contains(db.rows("SELECT id::text AS id FROM {schema}.batch_runs WHERE batch_type = 'simple_job'")
                        .get(0).get("id").toString());
        assertThat(lines).contains("(1 row)");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.stdout().lines().toList()).hasSize(2).allMatch(l -> l.startsWith("{\"id\":\""))
                .anyMatch(l -> l.contains("\"batch_type\":\"programmatic_job\""))
                .anyMatch(l -> l.contains("\"batch_type\":\"simple_job\"") && l.contains("\"games_processed\":2"));

        assertThat(readiness.exitCode()).as(readiness.toString()).isZero();
        assertThat(readiness.stdout()).contains("2025/reg/9  ").contains("(1 row)");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("--limit 5000 is outside 1..1000")
                .contains("usage: java -jar tracker-agent.jar <command>");
        assertThat(table.stderr() + json.stderr() + readiness.stderr()).doesNotContain("WARN").doesNotContain("SLF4J");
    }
}
