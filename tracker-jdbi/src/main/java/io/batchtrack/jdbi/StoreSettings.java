package io.batchtrack.jdbi;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.internal.JdbcUrls;
import io.batchtrack.jdbi.internal.Pools;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The PostgreSQL store's settings, read from configuration: the one place where {@code jdbc.url},
 * {@code jdbc.user}, the password, {@code jdbc.pool-size}, {@code jdbc.connection-timeout-ms},
 * {@code schema}, {@code migrate-on-start}, {@code readiness.games-sql} and
 * {@code readiness.predictions-sql} are read, defaulted and checked. {@link PostgresRunStore#fromConfig}
 * builds its store from them and the {@code batchtrack} command line its connections, so both
 * accept and refuse the same values with the same messages. Immutable; building one opens no
 * connection. The password never leaves this package and is never part of {@link #toString()}.
 *
 * <pre>{@code
 * StoreSettings settings = StoreSettings.from(TrackerConfig.fromEnvironment());
 * DataSource ds = settings.unpooledDataSource();   // what a one-shot command needs
 * }</pre>
 */
public final class StoreSettings {
    /** Connections of the pool built from configuration, unless {@code jdbc.pool-size} says otherwise. */
    public static final int DEFAULT_POOL_SIZE = 4;
    /** How long to wait for a connection, unless {@code jdbc.connection-timeout-ms} says otherwise. */
    public static final int DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;

    private final String url;
    private final String user;
    private final String password;
    private final int poolSize;
    private final int connectionTimeoutMs;
    private final String schema;
    private final boolean migrateOnStart;
    private final String gamesSql;
    private final String predictionsSql;

    private StoreSettings(TrackerConfig config) {
        this.url = JdbcUrls.require("jdbc.url", config.require("jdbc.url"));
        this.user = config.get("jdbc.user").orElse(null);
        this.password = config.password().orElse(null);
        this.poolSize = config.getInt("jdbc.pool-size", DEFAULT_POOL_SIZE, 1, 100);
        this.connectionTimeoutMs = config.getInt("jdbc.connection-timeout-ms", DEFAULT_CONNECTION_TIMEOUT_MS, 250,
                600_000);
        String name = config.get("schema", BatchtrackSchema.DEFAULT_SCHEMA);
        try {
            this.schema = BatchtrackSchema.requireValidName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("schema", e.getMessage());
        }
        this.migrateOnStart = config.getBoolean("migrate-on-start", true);
        this.gamesSql = config.get("readiness.games-sql").orElse(null);
        this.predictionsSql = config.get("readiness.predictions-sql").orElse(null);
    }

    /**
     * Reads and checks every key of the store: {@code jdbc.url} (required, PostgreSQL's, without a
     * password), {@code jdbc.user} (default: the driver's), the password ({@link TrackerConfig#password()}),
     * {@code jdbc.pool-size} (1..100, default {@value #DEFAULT_POOL_SIZE}),
     * {@code jdbc.connection-timeout-ms} (250..600000, default {@value #DEFAULT_CONNECTION_TIMEOUT_MS}),
     * {@code schema} ({@link BatchtrackSchema#SCHEMA_RULE}, default {@code public}),
     * {@code migrate-on-start} (default true), {@code readiness.games-sql} and
     * {@code readiness.predictions-sql} (default none).
     *
     * @throws ConfigException naming the first key whose value cannot be used; never containing the
     *     password
     */
    public static StoreSettings from(TrackerConfig config) {
        return new StoreSettings(Objects.requireNonNull(config, "config"));
    }

    /** The URL without its parameters, for messages: {@code jdbc:postgresql://db:5432/nfl?…}. */
    public String redactedUrl() {
        return JdbcUrls.redact(url);
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public int poolSize() {
        return poolSize;
    }

    public int connectionTimeoutMs() {
        return connectionTimeoutMs;
    }

    public String schema() {
        return schema;
    }

    public boolean migrateOnStart() {
        return migrateOnStart;
    }

    public Optional<String> gamesSql() {
        return Optional.ofNullable(gamesSql);
    }

    public Optional<String> predictionsSql() {
        return Optional.ofNullable(predictionsSql);
    }

    /**
     * One connection per {@code getConnection()}, through the driver directly (never through
     * {@code DriverManager}): what a command that runs a few statements and exits needs. Opens none now.
     *
     * @throws ConfigException naming {@code jdbc.url} if the driver cannot parse it
     */
    public DataSource unpooledDataSource() {
        return Pools.unpooled(url, user, password, connectionTimeoutMs);
    }

    /** A HikariCP pool of {@link #poolSize()} connections; it starts on its first {@code getConnection()}. */
    DataSource pooledDataSource() {
        return Pools.pooled(url, user, password, poolSize, connectionTimeoutMs);
    }

    @Override
    public String toString() {
        return "StoreSettings[" + redactedUrl() + ", user=" + (user == null ? "(driver default)" : user) + ", password="
                + (password == null ? "none" : "set") + ", schema=" + schema + ", pool-size=" + poolSize
                + ", connection-timeout-ms=" + connectionTimeoutMs + ", migrate-on-start=" + migrateOnStart + "]";
    }
}
