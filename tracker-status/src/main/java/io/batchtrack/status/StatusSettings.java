package io.batchtrack.status;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.schedule.RunFlags;
import io.batchtrack.status.internal.HttpServers;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The status server's settings, read from configuration: the one place where {@code status.port},
 * {@code status.bind}, {@code status.allowed-hosts}, {@code status.max-response-kb}, {@code status.token},
 * {@code status.token-file}, {@code status.trace-url} and {@code anomaly.factor}
 * are read, defaulted and checked. Every door that starts a server from configuration goes through it: the engine's
 * listener (the agent, {@code BatchTracking.fromConfig}, the aspect) and {@code batchtrack serve}.
 * Immutable; the token is never part of {@link #toString()}.
 *
 * <pre>{@code
 * PostgresRunStore store = PostgresRunStore.fromConfig(config);
 * Optional<StatusServer> status = StatusSettings.from(config).start(store::queries);
 * }</pre>
 */
public final class StatusSettings {
    private static final StatusSettings NO_SERVER = new StatusSettings(null);
    private static final String TOKEN_VARIABLE = TrackerConfig.environmentName("status.token");

    private final StatusServer.Options options; // null: status.port is not set

    private StatusSettings(StatusServer.Options options) {
        this.options = options;
    }

    /**
     * Reads the keys. Without {@code status.port} there is no server and nothing else is read.
     * Otherwise: {@code status.port} (0..65535, 0 = any free port), {@code status.bind} (default
     * {@value StatusServer#DEFAULT_BIND}), {@code status.allowed-hosts} (comma-separated host names a
     * server without a token answers besides the loopback ones: {@link StatusServer.Options#allowedHosts}),
     * and the token, a secret read only from the environment
     * variable {@code BATCHTRACK_STATUS_TOKEN} or from the first line of the file named by
     * {@code status.token-file} ({@link TrackerConfig#secret}), mandatory when the bind address is
     * not loopback.
     *
     * @throws ConfigException naming the key that cannot be used (never containing the token),
     *     including {@code status.token} when the bind address is not loopback and no token is set
     */
    public static StatusSettings from(TrackerConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.get("status.port").isEmpty()) {
            return NO_SERVER;
        }
        int port = config.getInt("status.port", 0, 0, 65_535);
        String bind = config.get("status.bind", StatusServer.DEFAULT_BIND);
        InetAddress address;
        try {
            address = HttpServers.resolve(bind);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("status.bind", e.getMessage());
        }
        StatusServer.Options options = served(StatusServer.Options.defaults().bindAddress(bind).port(port), config);
        if (!options.hasBearerToken() && !address.isLoopbackAddress()) {
            throw new ConfigException("status.token", "is required because status.bind (" + bind + ") is not a"
                    + " loopback address: set the environment variable " + TOKEN_VARIABLE + " or status.token-file");
        }
        return new StatusSettings(options);
    }

    /**
     * The keys that still apply when the page is served in an application's own web server
     * ({@link StatusRequests}), where {@code status.port} and {@code status.bind} do not:
     * {@code status.allowed-hosts}, {@code status.max-response-kb}, {@code anomaly.factor},
     * {@code status.trace-url} and the token ({@code BATCHTRACK_STATUS_TOKEN} or {@code status.token-file}).
     *
     * @throws ConfigException naming the key that cannot be used (never containing the token)
     */
    public static StatusServer.Options inApplicationServer(TrackerConfig config) {
        return served(StatusServer.Options.defaults(), Objects.requireNonNull(config, "config"));
    }

    private static StatusServer.Options served(StatusServer.Options listening, TrackerConfig config) {
        StatusServer.Options options = listening;
        String allowed = config.get("status.allowed-hosts").orElse("");
        try {
            options = options.allowedHosts(java.util.Arrays.stream(allowed.split(",")).map(String::strip)
                    .filter(h -> !h.isEmpty()).toList());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("status.allowed-hosts", e.getMessage());
        }
        options = options.maxResponseBytes(1024L * config.getInt("status.max-response-kb",
                (int) (StatusServer.DEFAULT_MAX_RESPONSE_BYTES / 1024), (int) (StatusServer.MIN_MAX_RESPONSE_BYTES / 1024),
                1 << 20));
        options = options.anomalyFactor(RunFlags.factor(config));
        String traceUrl = config.get("status.trace-url").map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        if (traceUrl != null) {
            try {
                options = options.traceUrl(traceUrl);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("status.trace-url", e.getMessage());
            }
        }
        String token = config.secret("status.token").map(String::strip).orElse(null);
        if (token != null) {
            try {
                options = options.bearerToken(token);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("status.token", e.getMessage());
            }
        }
        return options;
    }

    /** Whether {@code status.port} asks for a server. */
    public boolean enabled() {
        return options != null;
    }

    /** How the server listens; empty when {@code status.port} is not set. */
    public Optional<StatusServer.Options> options() {
        return Optional.ofNullable(options);
    }

    /**
     * Starts the server, or returns empty when {@code status.port} is not set. The query API is
     * obtained on the first request, so starting loads neither Jdbi nor a pool.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound (for example, the port is taken)
     */
    public Optional<StatusServer> start(Supplier<BatchRunQueries> queries) {
        Objects.requireNonNull(queries, "queries");
        return options == null ? Optional.empty() : Optional.of(StatusServer.start(queries, options));
    }

    @Override
    public String toString() {
        return options == null ? "StatusSettings[no server: status.port is not set]" : "StatusSettings" + options;
    }
}
