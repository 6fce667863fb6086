package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Tracker;
import io.batchtrack.TrackingException;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.spi.RunStoreProvider;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** store=jdbc: the store built from the standard configuration keys. */
@ExtendWith(PostgresExtension.class)
class ConfigurationTest {

    @Test
    void theJdbcStoreIsFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(RunStoreProvider.class)).extracting(RunStoreProvider::name).contains("jdbc");
    }

    @Test
    void anEngineFromConfigurationRecordsRunsInPostgres(PostgresDatabase db) {
        TrackerConfig config = TrackerConfig.of(Map.of(), env(db, Map.of("BATCHTRACK_STORE", "jdbc")));

        try (BatchTracking tracking = BatchTracking.fromConfig(config)) {
            tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 16));

            assertThat(tracking.store()).isInstanceOf(PostgresRunStore.class);
        }
        Fixture f = Fixture.of(db);
        assertThat(f.row("SELECT status, games_processed FROM batch_runs"))
                .containsEntry("status", "success").containsEntry("games_processed", 16L);
        assertThat(f.row("SELECT games_count FROM data_readiness")).containsEntry("games_count", 16);
    }

    @Test
    void theSchemaAndReadinessSqlComeFromConfiguration(PostgresDatabase db) {
        TrackerConfig config = TrackerConfig.of(Map.of("batchtrack.schema", "ops",
                "batchtrack.readiness.games-sql", "SELECT 14 WHERE :week = 17"), env(db, Map.of()));

        try (PostgresRunStore store = PostgresRunStore.fromConfig(config)) {
            BatchTracking.builder().store(store).build().run(WEEKLY_FULL, () -> { });
        }

        Fixture f = Fixture.of(db, PostgresRunStore.builder(db.dataSource()).schema("ops"));
        assertThat(f.row("SELECT games_count FROM ops.data_readiness")).containsEntry("games_count", 14);
    }

    @Test
    void thePasswordCanComeFromAFile(PostgresDatabase db, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("db-password");
        // a server that trusts local connections has no password; a secret's file must not be empty
        Files.writeString(file, (db.password().isEmpty() ? "ignored-by-a-trusting-server" : db.password()) + "\n");
        Map<String, String> env = env(db, Map.of());
        env.remove("BATCHTRACK_JDBC_PASSWORD");
        env.put("BATCHTRACK_JDBC_PASSWORD_FILE", file.toString());

        try (PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env))) {
            store.ensureReady();
        }
        assertThat(BatchtrackSchema.isUpToDate(db.dataSource(), "public")).isTrue();
    }

    @Test
    void withoutMigrateOnStartAnUnmigratedSchemaIsReportedNotCreated(PostgresDatabase db) {
        TrackerConfig config = TrackerConfig.of(Map.of("batchtrack.migrate-on-start", "false",
                "batchtrack.on-store-failure", "fail"), env(db, Map.of()));

        try (BatchTracking tracking = BatchTracking.fromConfig(config)) {
            assertThatThrownBy(() -> tracking.run(WEEKLY_FULL, () -> { })).isInstanceOf(TrackingException.class)
                    .hasMessageContaining("migrate");
        }
        assertThat(BatchtrackSchema.currentVersion(db.dataSource(), "public")).isEmpty();
    }

    @Test
    void buildingTheStoreDoesNotConnectSoAnUnreachableDatabaseCostsNothingAtStartup() {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", "jdbc:postgresql://127.0.0.1:9/nowhere");

        long start = System.nanoTime();
        PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env));
        long millis = (System.nanoTime() - start) / 1_000_000;
        store.close();

        System.out.println("PostgresRunStore.fromConfig took " + millis + " ms (no connection opened)");
        assertThat(millis).isLessThan(5_000);
    }

    @ParameterizedTest
    @CsvSource({
        "batchtrack.jdbc.pool-size, 0, jdbc.pool-size",
        "batchtrack.jdbc.pool-size, many, jdbc.pool-size",
        "batchtrack.jdbc.connection-timeout-ms, 10, jdbc.connection-timeout-ms",
        "batchtrack.schema, Ops, schema",
        "batchtrack.schema, pg_ops, schema",
        "batchtrack.migrate-on-start, maybe, migrate-on-start",
        "batchtrack.jdbc.url, jdbc:mysql://db/nfl, jdbc.url"})
    void anUnusableValueIsRefusedNamingItsKey(String property, String value, String key) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", "jdbc:postgresql://127.0.0.1:9/nowhere");

        assertThatThrownBy(() -> PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(property, value), env)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }

    @Test
    void aMissingUrlIsRefusedNamingTheKeyAndWhereToSetIt() {
        assertThatThrownBy(() -> PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc.url")
                .hasMessageContaining("BATCHTRACK_JDBC_URL");
    }

    private static Map<String, String> env(PostgresDatabase db, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        return env;
    }
}
