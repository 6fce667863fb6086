package io.batchtrack.spring.boot;

import io.batchtrack.BatchTracking;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunStore;
import java.util.List;
import javax.sql.DataSource;

/**
 * Builds the application's engine. With the {@code jdbc} store and no {@code jdbc.url}, runs go to
 * the application's {@link DataSource} (the store never closes it); with {@code jdbc.url}, or another
 * store, its own pool ({@link PostgresRunStore#fromConfig}); with the {@code log} or {@code none} store,
 * exactly what {@link BatchTracking#fromConfig} builds. The application's run listeners (Micrometer
 * over its {@code MeterRegistry}) are the engine's listeners; the {@code ServiceLoader} providers of
 * an engine built from configuration are not asked, so no run is counted twice.
 *
 * <p>A value that cannot be used is a {@link ConfigException} naming the key: under
 * {@code on-store-failure=fail} it stops the application's start; under {@code continue} (the
 * default) it is logged in one WARNING line and the application runs untracked, as a batch under
 * the agent would. A database that cannot be reached at start is the same: fail stops the start,
 * continue logs it and lets the engine spool and retry.
 */
final class SpringEngine {
    private SpringEngine() {}

    /**
     * @param listeners the application's run listeners (the Micrometer one over its {@code MeterRegistry});
     *     the engine closes them
     */
    static BatchTracking build(TrackerConfig config, DataSource applicationDataSource, List<RunListener> listeners) {
        StoreFailurePolicy policy = EngineSettings.onStoreFailure(config); // a bad value here always stops the start
        EngineSettings settings;
        try {
            settings = EngineSettings.from(config);
            if (ownPool(config, applicationDataSource)) {
                io.batchtrack.jdbi.StoreSettings.from(config); // check the store's keys now, naming the bad one
            }
        } catch (ConfigException e) {
            if (policy == StoreFailurePolicy.FAIL) {
                throw e;
            }
            Log.warn(e.getMessage() + "; the application runs untracked (on-store-failure=continue)");
            return BatchTracking.builder().store(RunStore.NONE).spoolDirectory(null).build();
        }
        if (!config.get("store", "jdbc").equals("jdbc")) {
            return BatchTracking.fromConfig(config); // log or none: the engine as configuration builds it
        }
        if (ownPool(config, applicationDataSource)) {
            PostgresRunStore own = PostgresRunStore.fromConfig(config);
            ready(own, policy);
            return with(builder(settings).store(own), listeners).build();
        }
        PostgresRunStore.Builder store = PostgresRunStore.builder(applicationDataSource)
                .schema(BatchtrackSchema.requireValidName(config.get("schema", BatchtrackSchema.DEFAULT_SCHEMA)))
                .migrateOnStart(config.getBoolean("migrate-on-start", true))
                .staleLimit(settings.staleLimit())
                .destination("the application's DataSource");
        config.get("readiness.games-sql").ifPresent(store::gamesSql);
        config.get("readiness.predictions-sql").ifPresent(store::predictionsSql);
        PostgresRunStore built = store.build();
        ready(built, policy);
        return with(builder(settings).store(built), listeners).build();
    }

    private static BatchTracking.Builder with(BatchTracking.Builder builder, List<RunListener> listeners) {
        listeners.forEach(builder::listener);
        return builder;
    }

    /** batchtrack's own pool: {@code jdbc.url} is set, the store is not jdbc, or the application has no DataSource. */
    private static boolean ownPool(TrackerConfig config, DataSource applicationDataSource) {
        return applicationDataSource == null || config.get("jdbc.url").isPresent()
                || !config.get("store", "jdbc").equals("jdbc");
    }

    /** Migrates (or checks) the schema now, so a start that cannot record runs says so at start. */
    private static void ready(RunStore store, StoreFailurePolicy policy) {
        if (!(store instanceof PostgresRunStore postgres)) {
            return;
        }
        try {
            postgres.ensureReady();
        } catch (RuntimeException | Error e) { // Errors too (another Flyway: NoSuchMethodError)
            if (policy == StoreFailurePolicy.FAIL) {
                throw e;
            }
            Log.warn("batchtrack's store is not ready at start (" + Log.describe(e)
                    + "); runs are spooled and handed over when it answers (on-store-failure=continue)");
        }
    }

    private static BatchTracking.Builder builder(EngineSettings s) {
        BatchTracking.Builder b = BatchTracking.builder().policy(s.onStoreFailure()).trigger(s.trigger())
                .maxWarnings(s.maxWarnings()).maxMessageLength(s.maxMessageLength())
                .maxCustomMetrics(s.maxCustomMetrics()).heartbeatInterval(s.heartbeatInterval())
                .staleLimit(s.staleLimit()).exclusiveTypes(s.exclusiveTypes()).onConflict(s.onConflict())
                .spoolDirectory(s.spoolDirectory()).spoolMaxMegabytes((int) (s.spoolMaxBytes() / (1024 * 1024)))
                .spoolExitTimeout(s.spoolExitTimeout()).maxDurationTypes(s.maxDurationTypes());
        s.maxDuration().ifPresent(b::maxDuration);
        return b;
    }
}
