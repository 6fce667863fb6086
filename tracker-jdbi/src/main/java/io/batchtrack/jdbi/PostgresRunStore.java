package io.batchtrack.jdbi;

import io.batchtrack.Period;
import io.batchtrack.RunConflictException;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.internal.Args;
import io.batchtrack.jdbi.internal.JdbcUrls;
import io.batchtrack.jdbi.internal.LossWriter;
import io.batchtrack.jdbi.internal.ProbeLookup;
import io.batchtrack.jdbi.internal.ReadinessWriter;
import io.batchtrack.jdbi.internal.RunWriter;
import io.batchtrack.jdbi.internal.Sql;
import io.batchtrack.spi.ReadinessProbe;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records runs in {@code batch_runs} and refreshes {@code data_readiness}, in PostgreSQL.
 *
 * <p>Opening a run is one {@code INSERT}; closing it is one {@code INSERT ... ON CONFLICT (id) DO
 * UPDATE}, so the end is recorded even if the start could not be, and a replayed end changes
 * nothing. The number of statements does not depend on how many increments or warnings a run had.
 * A heartbeat is one {@code UPDATE} that never touches a finished run. Heartbeats and the sweep of
 * abandoned runs use the database's clock, so clocks of batch hosts never matter.
 *
 * <p>Exclusive runs are guarded by a unique index on running exclusive rows: the {@code INSERT} that
 * opens the run either wins or does nothing, across every process ({@link RunConflictException}).
 *
 * <p>When the database cannot be reached, every call throws {@link StoreUnavailableException}
 * (after at most {@code jdbc.connection-timeout-ms}), and the engine spools the record. So does a
 * database that refuses batchtrack's login or privileges (wrong password, unknown role, SQLSTATE
 * 28000, 28P01, 42501): its message leads with the server's reason and names the key to
 * fix. A store built from configuration logs in once directly before its pool's first connection,
 * so such a refusal is known in milliseconds rather than after a connection timeout.
 *
 * <p>Building a store opens no connection and loads neither the pool, the driver nor Jdbi
 * (about 35 ms in a cold JVM, against about 400 ms if it did): the first run does, and (unless
 * {@code migrate-on-start=false}) brings the schema up to date, which costs two small queries when
 * it already is. See the package documentation for where readiness counts come from.
 *
 * <pre>{@code
 * // embedded in an application that has its own pool
 * PostgresRunStore store = PostgresRunStore.builder(dataSource).schema("ops").build();
 * BatchTracking tracking = BatchTracking.builder().store(store).build();
 *
 * // from configuration (what store=jdbc does): a HikariCP pool of its own
 * PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.fromEnvironment());
 * }</pre>
 *
 * <p>The way to the database (created on first use, login check, migration, retries, closing the pool)
 * is {@code StoreConnection}'s; the statements are {@code RunWriter}'s, {@code ReadinessWriter}'s and
 * {@code LossWriter}'s. Over 300 lines for one reason: the public {@link Builder} (about 100 of them)
 * nests here, since {@code PostgresRunStore.Builder} is API.
 */
public final class PostgresRunStore implements RunStore, ReadinessRefresher {
    private final StoreConnection connection;
    private final String schema;
    private final Sql sql;
    private final RunWriter runs;
    private final ReadinessWriter readiness;
    private final LossWriter losses;
    private final Clock clock;
    private final String description;
    private final String destination;
    private final Duration defaultStaleLimit;

    private PostgresRunStore(Builder b, DataSourceFactory dataSourceFactory, String description, String url) {
        this.connection = new StoreConnection(dataSourceFactory, b.schema, b.migrateOnStart, description);
        this.schema = b.schema;
        this.sql = new Sql('"' + b.schema + '"');
        this.runs = new RunWriter(sql);
        this.losses = new LossWriter(sql);
        this.readiness = new ReadinessWriter(sql, b.gamesSql, b.predictionsSql, new ProbeLookup(b.probe, b.probeLoader));
        this.clock = b.clock;
        this.description = description;
        this.destination = url == null ? null : url + "#" + b.schema;
        this.defaultStaleLimit = b.staleLimit;
    }

    /** A store over an existing data source (the application's pool); the store never closes it. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * A store with a HikariCP pool of its own, from the keys that {@link StoreSettings#from} reads
     * ({@code jdbc.url} required, {@code jdbc.user}, the password, {@code jdbc.pool-size},
     * {@code jdbc.connection-timeout-ms}, {@code schema}, {@code migrate-on-start},
     * {@code readiness.games-sql}, {@code readiness.predictions-sql}) and {@code stale-limit} (for
     * rows that carry none). Opens no connection.
     *
     * @throws ConfigException naming the key whose value cannot be used, {@code config-file} first
     *     if the configuration file cannot be read; never containing the password
     */
    public static PostgresRunStore fromConfig(TrackerConfig config) {
        config.requireReadableFile();
        StoreSettings settings = StoreSettings.from(config);
        Builder b = new Builder(null).schema(settings.schema()).migrateOnStart(settings.migrateOnStart())
                .staleLimit(EngineSettings.staleLimit(config));
        settings.gamesSql().ifPresent(b::gamesSql);
        settings.predictionsSql().ifPresent(b::predictionsSql);
        // the pool, the driver and Jdbi load on first use: building the store stays cheap for an agent's premain
        return new PostgresRunStore(b, DataSourceFactory.fromSettings(settings), settings.redactedUrl(),
                settings.redactedUrl());
    }

    /**
     * Connects and brings the schema up to date now (or, with {@code migrate-on-start=false},
     * checks that it is); otherwise the first run does it. Safe to call many times.
     *
     * @throws IllegalStateException if the database cannot be reached or the schema is not usable
     */
    public void ensureReady() {
        if (!connection.ensureReady()) {
            return;
        }
        // a store that starts takes over from processes that died: their runs must not stay running
        try {
            List<UUID> swept = connection.onConnection(c -> runs.sweep(c, defaultStaleLimit));
            if (!swept.isEmpty()) {
                Log.info("batchtrack marked " + swept.size() + " run(s) abandoned at start: " + swept);
            }
        } catch (RuntimeException e) {
            Log.warnOnce("sweep-at-start", "batchtrack could not sweep abandoned runs at start", e);
        }
    }

    /**
     * One INSERT of the run with status {@code running}.
     *
     * @throws RunConflictException if the run is exclusive and another run of its batch type and
     *     period is running (a holder whose heartbeat is stale is swept first)
     * @throws StoreUnavailableException if the database cannot be reached
     */
    @Override
    public void runStarted(RunRecord run) {
        UUID holder = connection.call(() -> {
            ensureReady();
            return connection.onConnection(c -> runs.started(c, run, defaultStaleLimit));
        });
        if (holder != null) {
            throw new RunConflictException(run.spec(), run.id(), holder == RunWriter.UNKNOWN_HOLDER ? null : holder);
        }
    }

    /** One UPDATE of the heartbeat and the counters so far; nothing if the run has finished. */
    @Override
    public void runProgress(RunRecord run) {
        boolean running = connection.call(() -> {
            ensureReady();
            return connection.onConnection(c -> runs.progress(c, run));
        });
        if (!running && !endedMeanwhile(run)) {
            // a live run whose row says otherwise: swept while its heartbeats could not get through
            Log.warnOnce("heartbeat-no-row:" + run.id(), "batchtrack run " + run.id() + " (" + run.spec() + ") is"
                    + " alive but its row is not running (marked abandoned after its heartbeats could not reach the"
                    + " database for longer than its stale limit, or its start was lost); its end will still be"
                    + " recorded", null);
        }
    }

    /**
     * Whether a heartbeat that changed nothing only came after the run's own end: the heartbeat
     * thread took its snapshot, then the run ended and its end was written. Harmless, and no sign of
     * a sweep: the row is finished and not marked abandoned.
     */
    private boolean endedMeanwhile(RunRecord run) {
        try {
            return connection.call(() -> connection.backend().jdbi().withHandle(h -> h
                    .createQuery(sql.runFinishedNotAbandoned).bind("id", Args.uuid(run.id())).mapTo(Long.class).one())) > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One upsert per kind: this JVM's running totals of lost records (schema version 5). */
    @Override
    public void reportLosses(String host, long pid, Instant processStartedAt, Map<String, Long> lostByKind) {
        connection.call(() -> {
            ensureReady();
            losses.upsert(connection.backend().jdbi(), host, pid, processStartedAt, lostByKind);
            return null;
        });
    }

    /** One upsert of the run's final state. */
    @Override
    public void runFinished(RunRecord run) {
        connection.call(() -> {
            ensureReady();
            return connection.onConnection(c -> {
                runs.finished(c, run);
                return null;
            });
        });
    }

    /**
     * One UPDATE: running runs without a heartbeat for longer than their stale limit (rows without
     * one: this store's {@code stale-limit}) become {@code failed} with {@code error_type = abandoned}.
     */
    @Override
    public int sweepAbandoned() {
        return connection.call(() -> {
            ensureReady();
            return connection.onConnection(c -> runs.sweep(c, defaultStaleLimit)).size();
        });
    }

    /** The redacted URL and the schema: records spooled for this store go back only to it. */
    @Override
    public Optional<String> destination() {
        return Optional.ofNullable(destination);
    }

    /** Sweeps and purges on the same database and schema; see {@link RunMaintenance}. */
    public RunMaintenance maintenance() {
        return new RunMaintenance(connection.backend().jdbi(), sql, defaultStaleLimit);
    }

    /** Upserts {@code data_readiness} for the run's week; does nothing unless it ended success or partial. */
    @Override
    public void refresh(RunRecord finishedRun) throws Exception {
        if (!finishedRun.status().refreshesReadiness()) {
            return;
        }
        ensureReady();
        StoreConnection.Backend b = connection.backend();
        readiness.afterRun(b.jdbi(), b.dataSource(), finishedRun);
    }

    /**
     * Refreshes a week's readiness without a run, from the configured SQL or the probe (the seed's
     * manual {@code update_data_readiness}).
     *
     * @throws IllegalStateException if neither SQL nor a probe is configured
     */
    public void refreshReadiness(Period period) throws Exception {
        Objects.requireNonNull(period, "period");
        ensureReady();
        StoreConnection.Backend b = connection.backend();
        readiness.refresh(b.jdbi(), b.dataSource(), period, clock.instant());
    }

    /** Queries on the same database and schema. */
    public BatchRunQueries queries() {
        StoreConnection.Backend b = connection.backend();
        return new BatchRunQueries(b.jdbi(), sql, clock, b.dataSource(), schema);
    }

    /** The schema the tables are in. */
    public String schema() {
        return schema;
    }

    /** Closes the pool if the store built it from configuration; a data source passed in stays open. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "jdbc[" + description + ", schema=" + schema + "]";
    }

    /** Settings of a store over a given data source. */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema = BatchtrackSchema.DEFAULT_SCHEMA;
        private boolean migrateOnStart = true;
        private String gamesSql;
        private String predictionsSql;
        private ReadinessProbe probe;
        private ClassLoader probeLoader;
        private Clock clock = Clock.systemUTC();
        private Duration staleLimit = EngineSettings.DEFAULT_STALE_LIMIT;
        private String destination;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** @throws IllegalArgumentException if the name breaks {@link BatchtrackSchema#SCHEMA_RULE} */
        public Builder schema(String name) {
            this.schema = BatchtrackSchema.requireValidName(name);
            return this;
        }

        /** Whether the first use migrates the schema (default) or only checks its version. */
        public Builder migrateOnStart(boolean migrate) {
            this.migrateOnStart = migrate;
            return this;
        }

        /**
         * SQL that counts a week's games: one number, with the week bound as {@code :season_year},
         * {@code :week} and {@code :season_type} (use the ones you need). Runs read-only.
         */
        public Builder gamesSql(String query) {
            this.gamesSql = requireSql("games SQL", query);
            return this;
        }

        /** SQL that counts a week's predictions; like {@link #gamesSql}. */
        public Builder predictionsSql(String query) {
            this.predictionsSql = requireSql("predictions SQL", query);
            return this;
        }

        /** The application's probe; without one, a {@link ReadinessProbe} service is looked up on first refresh. */
        public Builder readinessProbe(ReadinessProbe readinessProbe) {
            this.probe = Objects.requireNonNull(readinessProbe, "readinessProbe");
            return this;
        }

        /**
         * Where {@link ServiceLoader} looks for a {@link ReadinessProbe}; default the context class loader
         * of the thread that refreshes, which the engine sets to the tracked code's own (a woven method's
         * declaring class loader, a {@code BatchTracking} builder's caller's).
         */
        public Builder probeClassLoader(ClassLoader loader) {
            this.probeLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** The clock of manual refreshes and of {@link BatchRunQueries#currentReadiness()}. */
        public Builder clock(Clock storeClock) {
            this.clock = Objects.requireNonNull(storeClock, "clock");
            return this;
        }

        /**
         * The stale limit of runs whose row carries none (rows written before heartbeats existed, or
         * by other writers); default 90 s, three default heartbeat intervals.
         */
        public Builder staleLimit(Duration limit) {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("stale limit " + limit + " is not positive");
            }
            this.staleLimit = limit;
            return this;
        }

        /**
         * Names where the data source writes, for the spool (records kept while the database was
         * unreachable go back only to a store with the same destination). Found by itself for
         * PostgreSQL and HikariCP data sources; without one, nothing is spooled.
         */
        public Builder destination(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("destination must not be blank");
            }
            this.destination = name;
            return this;
        }

        public PostgresRunStore build() {
            String url = destination != null ? destination : JdbcUrls.of(dataSource);
            return new PostgresRunStore(this, DataSourceFactory.given(dataSource), dataSource.getClass().getSimpleName(),
                    url);
        }

        private static String requireSql(String what, String query) {
            if (query == null || query.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return query.strip();
        }
    }
}
