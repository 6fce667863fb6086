package io.batchtrack.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(PostgresExtension.class)
class SchemaMigrationTest {

    @Test
    void createsBatchRunsWithTheSeedsColumnNames(PostgresDatabase db) {
        BatchtrackSchema.MigrationResult result = BatchtrackSchema.migrate(db.dataSource(), "public");

        assertThat(result).isEqualTo(new BatchtrackSchema.MigrationResult("public",
                BatchtrackSchema.latestVersion(), BatchtrackSchema.VERSIONS.size()));
        assertThat(columns(db, "public", "batch_runs")).containsExactly(
                "id uuid NO", "parent_run_id uuid YES", "batch_type text NO", "batch_mode text YES",
                "season_year integer NO", "week integer NO", "season_type text NO", "triggered_by text NO",
                "status text NO", "started_at timestamp with time zone NO", "completed_at timestamp with time zone YES",
                "duration_ms bigint YES", "heartbeat_at timestamp with time zone YES", "api_calls_made bigint NO",
                "games_processed bigint NO", "game_logs_added bigint NO", "predictions_generated bigint NO",
                "predictions_skipped bigint NO", "odds_synced bigint NO", "errors_encountered bigint NO",
                "custom_metrics jsonb NO", "warnings jsonb NO", "warnings_dropped bigint NO", "error_type text YES",
                "error_message text YES", "error_stack text YES", "host text YES", "exclusive boolean NO",
                "stale_limit_ms bigint YES", "custom_metrics_dropped bigint NO",
                "recorded_at timestamp with time zone NO", "trace_id text YES");
        assertThat(columns(db, "public", "data_readiness")).containsExactly(
                "season_year integer NO", "week integer NO", "season_type text NO", "schedule_complete boolean NO",
                "predictions_available boolean NO", "games_count integer NO", "predictions_count integer NO",
                "updated_at timestamp with time zone NO", "last_run_id uuid YES",
                "schedule_complete_at timestamp with time zone YES",
                "predictions_available_at timestamp with time zone YES");
        assertThat(columns(db, "public", "readiness_deadlines")).containsExactly("flag text NO", "cron text NO",
                "zone text NO", "declared_at timestamp with time zone NO");
    }

    @Test
    void createsAnIndexForEachQuery(PostgresDatabase db) {
        BatchtrackSchema.migrate(db.dataSource(), "public");

        Fixture f = Fixture.of(db);
        assertThat(f.rows("SELECT indexname FROM pg_indexes WHERE tablename = 'batch_runs' ORDER BY indexname"))
                .extracting(r -> r.get("indexname")).containsExactly("batch_runs_exclusive_running_idx",
                        "batch_runs_pkey", "batch_runs_recorded_at_idx", "batch_runs_running_idx",
                        "batch_runs_started_at_idx", "batch_runs_status_started_at_idx",
                        "batch_runs_type_started_at_idx", "batch_runs_type_status_started_at_idx",
                        "batch_runs_week_started_at_idx");
        assertThat(f.row("SELECT indexdef FROM pg_indexes WHERE indexname = 'batch_runs_running_idx'")
                .get("indexdef").toString()).endsWith("WHERE (status = 'running'::text)");
        assertThat(f.row("SELECT indexdef FROM pg_indexes WHERE indexname = 'batch_runs_exclusive_running_idx'")
                .get("indexdef").toString()).startsWith("CREATE UNIQUE INDEX")
                .contains("(batch_type, season_year, week, season_type)")
                .endsWith("WHERE ((status = 'running'::text) AND exclusive)");
    }

    @Test
    void migratingAnUpToDateSchemaChangesNothingAndDoesNotRunFlyway(PostgresDatabase db) {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        RecordingDataSource recording = new RecordingDataSource(db.dataSource());

        BatchtrackSchema.MigrationResult again = BatchtrackSchema.migrate(recording, "public");

        assertThat(again.changed()).isFalse();
        assertThat(again.version()).isEqualTo(BatchtrackSchema.latestVersion());
        assertThat(recording.statements()).containsExactly(
                "SELECT to_regclass(?) IS NOT NULL",
                "SELECT count(DISTINCT version) FROM \"public\".batchtrack_schema_history WHERE success AND version = ANY (?)");
        assertThat(Fixture.of(db).count("SELECT count(*) FROM batchtrack_schema_history"))
                .isEqualTo(BatchtrackSchema.VERSIONS.size());
    }

    @Test
    void migratesBesideAnApplicationsOwnFlywayHistoryWithoutTouchingIt(PostgresDatabase db) {
        Flyway app = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/app/migration").load();
        app.migrate();

        BatchtrackSchema.MigrationResult result = BatchtrackSchema.migrate(db.dataSource(), "public");

        Fixture f = Fixture.of(db);
        assertThat(result.migrationsApplied()).isEqualTo(BatchtrackSchema.VERSIONS.size());
        assertThat(f.rows("SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly(Map.of("version", "1", "success", true), Map.of("version", "2", "success", true));
        assertThat(f.rows("SELECT version FROM batchtrack_schema_history ORDER BY installed_rank"))
                .extracting(r -> r.get("version")).containsExactly(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("0"), BatchtrackSchema.VERSIONS.stream()).toArray());
        assertThat(f.count("SELECT count(*) FROM batch_runs")).isZero();
        assertThat(app.validateWithResult().validationSuccessful).isTrue();
        assertThat(app.migrate().migrationsExecuted).isZero();
    }

    @Test
    void aCustomSchemaIsCreatedAndHoldsTheTablesAlone(PostgresDatabase db) {
        BatchtrackSchema.migrate(db.dataSource(), "batchtrack_ops");

        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).schema("batchtrack_ops"));
        f.tracking.run(Fixture.WEEKLY_FULL, () -> { });

        assertThat(f.rows("SELECT table_schema, table_name FROM information_schema.tables"
                + " WHERE table_name IN ('batch_runs', 'data_readiness', 'batchtrack_schema_history')"
                + " ORDER BY table_name")).extracting(r -> r.get("table_schema") + "." + r.get("table_name"))
                .containsExactly("batchtrack_ops.batch_runs", "batchtrack_ops.batchtrack_schema_history",
                        "batchtrack_ops.data_readiness");
        assertThat(f.count("SELECT count(*) FROM batchtrack_ops.batch_runs WHERE status = 'success'")).isEqualTo(1);
        assertThat(f.store.queries().latest()).isPresent();
        assertThat(BatchtrackSchema.currentVersion(db.dataSource(), "batchtrack_ops")).contains(BatchtrackSchema.latestVersion());
        assertThat(BatchtrackSchema.currentVersion(db.dataSource(), "public")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Public", "1abc", "batch-track", "ops;drop table x", "ops\"", "sch ema", "pg_batchtrack",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesSchemaNamesThatAreNotPlainIdentifiers(String schema) {
        assertThatThrownBy(() -> BatchtrackSchema.requireValidName(schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("schema " + (schema == null ? "null" : "'" + schema + "'"))
                .hasMessageContaining(schema != null && schema.startsWith("pg_") ? "pg_" : "[a-z_][a-z0-9_]{0,62}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "_private", "ops_2025", "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsPlainIdentifiers(String schema) {
        assertThat(BatchtrackSchema.requireValidName(schema)).isEqualTo(schema);
    }

    @Test
    void theStoreBuilderRefusesABadSchemaName(PostgresDatabase db) {
        assertThatThrownBy(() -> PostgresRunStore.builder(db.dataSource()).schema("ops; DROP TABLE batch_runs"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ops; DROP TABLE batch_runs'");
    }

    @Test
    void theTablesRefuseRowsThatBreakTheSeedsRules(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        String insert = "INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at%s) VALUES (gen_random_uuid(), 'weekly_update', %d, %d, '%s', 'manual', '%s', now()%s)";

        assertThat(constraintBroken(f, String.format(insert, "", 2025, 19, "reg", "success", "")))
                .isEqualTo("batch_runs_week_check");
        assertThat(constraintBroken(f, String.format(insert, "", 2025, 5, "post", "success", "")))
                .isEqualTo("batch_runs_week_check");
        assertThat(constraintBroken(f, String.format(insert, "", 2025, 0, "reg", "success", "")))
                .isEqualTo("batch_runs_week_check");
        assertThat(constraintBroken(f, String.format(insert, "", 2025, 1, "playoffs", "success", "")))
                .isEqualTo("batch_runs_season_type_check");
        assertThat(constraintBroken(f, String.format(insert, "", 2025, 1, "reg", "done", "")))
                .isEqualTo("batch_runs_status_check");
        assertThat(constraintBroken(f, String.format(insert, "", 2025, 1, "reg", "abandoned", "")))
                .isEqualTo("batch_runs_status_check");
        assertThat(constraintBroken(f, String.format(insert, "", 1919, 1, "reg", "success", "")))
                .isEqualTo("batch_runs_season_year_check");
        assertThat(constraintBroken(f, String.format(insert, ", odds_synced", 2025, 1, "reg", "success", ", -1")))
                .isEqualTo("batch_runs_counters_check");
        assertThat(constraintBroken(f, "INSERT INTO data_readiness VALUES (2025, 19, 'reg', true, true, 1, 1, now(),"
                + " NULL)")).isEqualTo("data_readiness_week_check");
        assertThat(constraintBroken(f, "INSERT INTO data_readiness VALUES (2025, 1, 'reg', true, true, -1, 1, now(),"
                + " NULL)")).isEqualTo("data_readiness_counts_check");
        assertThat(constraintBroken(f, String.format(insert, ", custom_metrics_dropped", 2025, 1, "reg", "success",
                ", -1"))).isEqualTo("batch_runs_custom_metrics_dropped_check");
        assertThat(constraintBroken(f, String.format(insert, ", stale_limit_ms", 2025, 1, "reg", "running", ", 0")))
                .isEqualTo("batch_runs_stale_limit_check");
        f.execute(String.format(insert, "", 2025, 0, "pre", "success", "")); // preseason week 0 is fine
        f.execute(String.format(insert, "", 2025, 1, "reg", "skipped", "")); // version 2: skipped exclusive runs
    }

    private static String constraintBroken(Fixture f, String statement) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> f.execute(statement));
        assertThat(thrown).as(statement).isInstanceOf(UnableToExecuteStatementException.class);
        return ((org.postgresql.util.PSQLException) thrown.getCause()).getServerErrorMessage().getConstraint();
    }

    private static List<String> columns(PostgresDatabase db, String schema, String table) {
        return Fixture.of(db).rows("SELECT column_name || ' ' || data_type || ' ' || is_nullable AS c"
                + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                schema, table).stream().map(r -> (String) r.get("c")).toList();
    }
}
