package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class BatchtrackCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void migrateCreatesTheTablesAndASecondMigrateDoesNothing(PostgresDatabase db) {
        assertThat(run(db, Map.of(), "migrate")).isZero();
        assertThat(out()).contains("schema public at " + db.jdbcUrl() + ": applied 3 migration(s), now at version 4");

        out.reset();
        assertThat(run(db, Map.of(), "migrate")).isZero();
        assertThat(out()).contains("already at version 4, nothing to do");
        assertThat(Fixture.of(db).count("SELECT count(*) FROM batchtrack_schema_history")).isEqualTo(3);
    }

    @Test
    void statusTellsWhetherTheSchemaIsThere(PostgresDatabase db) {
        assertThat(run(db, Map.of(), "status")).isZero();
        assertThat(out()).contains("no batchtrack tables (run: batchtrack migrate)");

        run(db, Map.of(), "migrate");
        out.reset();
        assertThat(run(db, Map.of(), "status")).isZero();
        assertThat(out()).contains("version 4 (up to date)");
    }

    @Test
    void migrateUsesTheConfiguredSchema(PostgresDatabase db) {
        assertThat(run(db, Map.of("batchtrack.schema", "ops"), "migrate")).isZero();

        assertThat(BatchtrackSchema.currentVersion(db.dataSource(), "ops")).contains("4");
        assertThat(BatchtrackSchema.currentVersion(db.dataSource(), "public")).isEmpty();
    }

    @Test
    void aBadSchemaNameFailsNamingTheKey(PostgresDatabase db) {
        assertThat(run(db, Map.of("batchtrack.schema", "ops; drop"), "migrate")).isEqualTo(1);
        assertThat(err()).contains("'schema'").contains("'ops; drop'");
    }

    @Test
    void aMissingUrlFailsNamingTheKey() {
        int status = BatchtrackCli.run(new String[] {"migrate"}, TrackerConfig.of(Map.of(), Map.of()), print(out),
                print(err));

        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("jdbc.url").contains("BATCHTRACK_JDBC_URL");
    }

    @Test
    void wrongUsagePrintsTheUsageAndExitsWith2() {
        assertThat(BatchtrackCli.run(new String[0], TrackerConfig.of(Map.of()), print(out), print(err))).isEqualTo(2);
        assertThat(BatchtrackCli.run(new String[] {"drop"}, TrackerConfig.of(Map.of()), print(out), print(err)))
                .isEqualTo(2);
        assertThat(err()).contains("usage: batchtrack <command>").contains("migrate");
        assertThat(BatchtrackCli.run(new String[] {"--help"}, TrackerConfig.of(Map.of()), print(out), print(err)))
                .isZero();
        assertThat(out()).contains("usage: batchtrack <command>");
    }

    private int run(PostgresDatabase db, Map<String, String> properties, String command) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        return BatchtrackCli.run(new String[] {command}, TrackerConfig.of(properties, env), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
