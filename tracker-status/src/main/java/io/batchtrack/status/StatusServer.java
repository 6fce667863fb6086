package io.batchtrack.status;

import com.sun.net.httpserver.HttpServer;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.schedule.RunFlags;
import io.batchtrack.status.internal.HostCheck;
import io.batchtrack.status.internal.HttpServers;
import io.batchtrack.status.internal.StatusHandler;
import io.batchtrack.status.internal.TokenCheck;
import io.batchtrack.status.internal.TraceLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The System Status page and the seed's four read-only JSON endpoints, served by the JDK's
 * built-in HTTP server ({@code com.sun.net.httpserver}):
 * <ul>
 *   <li>{@code GET /} (also {@code /status}): the page</li>
 *   <li>{@code GET /api/admin/batch-runs/latest} ({@code batch_type})</li>
 *   <li>{@code GET /api/admin/batch-runs/history} ({@code limit} 1..1000, default 50;
 *       {@code batch_type}, {@code status}, {@code season_year}, {@code week}, {@code season_type}):
 *       excerpts ({@link io.batchtrack.jdbi.RunExcerpt}), written as they are made under
 *       {@link Options#maxResponseBytes}</li>
 *   <li>{@code GET /api/admin/batch-runs/{id}}: one run, whole</li>
 *   <li>{@code GET /api/admin/data-readiness/current}</li>
 *   <li>{@code GET /api/admin/data-readiness/{week}} ({@code season_year}, {@code season_type};
 *       default the current NFL week's)</li>
 *   <li>{@code GET /api/admin/expectations} ({@code batch_type}, {@code batch_mode}, {@code slots} 1..10):
 *       expected schedules with their slots, and overdue runs (tracker-schedule)</li>
 *   <li>{@code GET /metrics}: Prometheus text format 0.0.4, computed from the database at most once every
 *       few seconds (the names: README)</li>
 * </ul>
 * JSON field names are the column names of {@code batch_runs} and {@code data_readiness}.
 *
 * <pre>{@code
 * BatchRunQueries queries = BatchRunQueries.create(dataSource, "public");
 * try (StatusServer status = StatusServer.start(queries, StatusServer.Options.defaults().port(8085))) {
 *     System.out.println("System Status at " + status.uri());
 *     ...
 * }
 * }</pre>
 *
 * <p>From configuration ({@code status.port}, {@code status.bind}, the token):
 * {@link StatusSettings#from}; an engine built from configuration starts one by itself.
 *
 * <p>The server's threads are daemon threads: it never keeps a JVM alive, so an application that
 * embeds it (or an agent that starts it) exits as it would without it. Thread-safe.
 *
 * <p>Longer than most files because its {@link Options} are nested (users write
 * {@code StatusServer.Options.defaults()}); the requests themselves are answered in
 * {@code io.batchtrack.status.internal}.
 */
public final class StatusServer implements AutoCloseable {
    /** Where the server listens unless told otherwise: this machine only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The shortest bearer token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;
    /** The most a response body holds unless {@link Options#maxResponseBytes} says otherwise: 4 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L << 20;
    /** The smallest response limit accepted. */
    public static final long MIN_MAX_RESPONSE_BYTES = 16L << 10;
    /** Threads answering requests; each holds at most one database connection at a time. */
    static final int THREADS = 2;

    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI uri;
    private final boolean tokenRequired;

    private StatusServer(HttpServer server, ExecutorService executor, URI uri, boolean tokenRequired) {
        this.server = server;
        this.executor = executor;
        this.uri = uri;
        this.tokenRequired = tokenRequired;
    }

    /**
     * Starts a server answering from {@code queries}.
     *
     * @throws IllegalArgumentException if the bind address cannot be resolved, or is not a loopback
     *     address and no bearer token is configured
     * @throws UncheckedIOException if the address cannot be bound (for example, the port is taken)
     */
    public static StatusServer start(BatchRunQueries queries, Options options) {
        Objects.requireNonNull(queries, "queries");
        return start(() -> queries, options);
    }

    /**
     * Like {@link #start(BatchRunQueries, Options)}, with the query API obtained on the first
     * request, so that starting the server loads neither Jdbi nor a pool (what an agent's
     * {@code premain} needs). The supplier is called until it returns without throwing.
     */
    public static StatusServer start(Supplier<BatchRunQueries> queries, Options options) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(options, "options");
        InetAddress address = HttpServers.resolve(options.bindAddress);
        if (options.token == null && !address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the status server may listen on " + options.bindAddress
                    + ", which is not a loopback address, only with a bearer token: set Options.bearerToken(...)"
                    + " (configuration: BATCHTRACK_STATUS_TOKEN or status.token-file)");
        }
        int id = SERVERS.incrementAndGet();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, options.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the status server cannot listen on " + options.bindAddress + ":"
                    + options.port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "batchtrack-status-" + id);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        URI uri = HttpServers.uriOf(server.getAddress());
        Supplier<BatchRunQueries> memoized = HttpServers.memoize(queries);
        TokenCheck tokenCheck = options.token == null ? null : new TokenCheck(options.token);
        HostCheck hostCheck = options.token == null ? hostCheck(options, uri) : null;
        server.createContext("/", new StatusHandler(memoized, options.clock, tokenCheck, hostCheck,
                options.maxResponseBytes, options.anomalyFactor, options.traceUrl == null ? TraceLinks.NONE
                        : TraceLinks.of(options.traceUrl)));
        HttpServers.startAsDaemon(server, id);
        StatusServer status = new StatusServer(server, executor, uri, options.token != null);
        Log.info("batchtrack System Status page at " + status.uri
                + (status.tokenRequired ? " (bearer token required)" : ""));
        return status;
    }

    /** The loopback names, the configured ones, and the names this server was bound and is announced by. */
    private static HostCheck hostCheck(Options options, URI uri) {
        Set<String> names = new TreeSet<>(options.allowedHosts);
        names.add(uri.getHost());
        try {
            names.add(HostCheck.requireHostName(options.bindAddress.contains(":") && !options.bindAddress.startsWith("[")
                    ? "[" + options.bindAddress + "]" : options.bindAddress));
        } catch (IllegalArgumentException notAName) {
            // a bind address the resolver took but no Host header would carry
        }
        return new HostCheck(names);
    }

    /** Where the server answers, for example {@code http://127.0.0.1:8085/}; a wildcard bind gives the loopback address. */
    public URI uri() {
        return uri;
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Whether requests must carry the bearer token. */
    public boolean tokenRequired() {
        return tokenRequired;
    }

    /** Stops listening at once and ends the server's threads. Safe to call many times. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "StatusServer[" + uri + (tokenRequired ? ", token required" : "") + "]";
    }

    /**
     * How a {@link StatusServer} listens. Immutable; each method returns a copy. The token is never
     * part of {@link #toString()}.
     *
     * <pre>{@code
     * StatusServer.Options.defaults().bindAddress("0.0.0.0").port(8085).bearerToken(System.getenv("STATUS_TOKEN"))
     * }</pre>
     */
    public static final class Options {
        private final String bindAddress;
        private final int port;
        private final String token;
        private final Clock clock;
        private final Set<String> allowedHosts;
        private final long maxResponseBytes;
        private final double anomalyFactor;
        private final String traceUrl;

        private Options(String bindAddress, int port, String token, Clock clock, Set<String> allowedHosts) {
            this(bindAddress, port, token, clock, allowedHosts, DEFAULT_MAX_RESPONSE_BYTES, RunFlags.DEFAULT_FACTOR,
                    null);
        }

        private Options(String bindAddress, int port, String token, Clock clock, Set<String> allowedHosts,
                long maxResponseBytes, double anomalyFactor, String traceUrl) {
            this.bindAddress = bindAddress;
            this.port = port;
            this.token = token;
            this.clock = clock;
            this.allowedHosts = allowedHosts;
            this.maxResponseBytes = maxResponseBytes;
            this.anomalyFactor = anomalyFactor;
            this.traceUrl = traceUrl;
        }

        /**
         * Where the page links a traced run to its trace ({@code status.trace-url}): a template such as
         * {@code https://tempo.example/trace/{trace_id}}, {@code {trace_id}} replaced by the run's
         * {@code batch_runs.trace_id}; null for no links.
         *
         * @throws IllegalArgumentException naming the value and the rule ({@value io.batchtrack.status.internal.TraceLinks#RULE}) if it breaks it
         */
        public Options traceUrl(String template) {
            return new Options(bindAddress, port, token, clock, allowedHosts, maxResponseBytes, anomalyFactor,
                    template == null ? null : TraceLinks.requireTemplate(template));
        }

        /** The trace link template, if any. */
        public java.util.Optional<String> traceUrl() {
            return java.util.Optional.ofNullable(traceUrl);
        }

        /**
         * {@code k} of the runs' anomalies ({@code anomaly.factor}, default 3): a finished run's duration
         * or standard counter outside [median ÷ k, median × k] of the last 20 successful runs of its
         * type and mode is flagged in the endpoints and on the page.
         *
         * @throws IllegalArgumentException if it breaks {@link RunFlags#FACTOR_RULE}
         */
        public Options anomalyFactor(double k) {
            return new Options(bindAddress, port, token, clock, allowedHosts, maxResponseBytes,
                    RunFlags.requireFactor(k), traceUrl);
        }

        public double anomalyFactor() {
            return anomalyFactor;
        }

        /**
         * The most a response body may hold, in bytes (16 KiB .. 1 GiB; default 4 MiB). The page and
         * the history are written as they are made and stop short of it with a marker saying what was
         * left out; lists carry excerpts, so this is reached only by very long lists.
         */
        public Options maxResponseBytes(long bytes) {
            if (bytes < MIN_MAX_RESPONSE_BYTES || bytes > (1L << 30)) {
                throw new IllegalArgumentException("the response limit " + bytes + " bytes is outside "
                        + MIN_MAX_RESPONSE_BYTES + ".." + (1L << 30));
            }
            return new Options(bindAddress, port, token, clock, allowedHosts, bytes, anomalyFactor, traceUrl);
        }

        public long maxResponseBytes() {
            return maxResponseBytes;
        }

        /** Loopback ({@value StatusServer#DEFAULT_BIND}), any free port, no token, the system clock. */
        public static Options defaults() {
            return new Options(DEFAULT_BIND, 0, null, Clock.systemUTC(), Set.of());
        }

        /** A host name or IP literal; {@code 0.0.0.0} listens on every interface (then a token is mandatory). */
        public Options bindAddress(String address) {
            Objects.requireNonNull(address, "bind address");
            if (address.isBlank()) {
                throw new IllegalArgumentException("bind address must not be blank");
            }
            return new Options(address.strip(), port, token, clock, allowedHosts, maxResponseBytes, anomalyFactor,
                    traceUrl);
        }

        /** 0..65535; 0 picks a free port ({@link StatusServer#uri()} tells which). */
        public Options port(int listenPort) {
            if (listenPort < 0 || listenPort > 65_535) {
                throw new IllegalArgumentException("port " + listenPort + " is outside 0..65535");
            }
            return new Options(bindAddress, listenPort, token, clock, allowedHosts, maxResponseBytes, anomalyFactor,
                    traceUrl);
        }

        /**
         * Requires every request to carry {@code Authorization: Bearer <token>} (or, from a browser,
         * HTTP Basic with the token as password).
         *
         * @throws IllegalArgumentException (without the token in the message) if it is shorter than
         *     {@value StatusServer#MIN_TOKEN_LENGTH} characters or has characters other than visible ASCII
         */
        public Options bearerToken(String bearerToken) {
            Objects.requireNonNull(bearerToken, "bearer token");
            if (bearerToken.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("the bearer token has " + bearerToken.length()
                        + " characters; at least " + MIN_TOKEN_LENGTH + " are required (e.g. openssl rand -hex 32)");
            }
            for (int i = 0; i < bearerToken.length(); i++) {
                char c = bearerToken.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    throw new IllegalArgumentException("the bearer token may hold only visible ASCII characters;"
                            + " character " + (i + 1) + " is not one");
                }
            }
            return new Options(bindAddress, port, bearerToken, clock, allowedHosts, maxResponseBytes,
                    anomalyFactor, traceUrl);
        }

        /** The clock of "now": the current NFL week, the page's "Generated at" and running times. */
        public Options clock(Clock newClock) {
            return new Options(bindAddress, port, token, Objects.requireNonNull(newClock, "clock"), allowedHosts,
                    maxResponseBytes, anomalyFactor, traceUrl);
        }

        /**
         * Host names besides {@code localhost}, {@code 127.0.0.1} and {@code [::1]} that a server
         * without a token answers (the {@code Host} header, any port); any other gets 421 Misdirected
         * Request, so a web page whose name is rebound to this machine cannot read it. A server with
         * a token answers any name: the token is the guard.
         *
         * @throws IllegalArgumentException naming a value that is not a host name
         */
        public Options allowedHosts(Collection<String> names) {
            Set<String> checked = new TreeSet<>();
            for (String name : Objects.requireNonNull(names, "allowed hosts")) {
                checked.add(HostCheck.requireHostName(Objects.requireNonNull(name, "allowed host")));
            }
            return new Options(bindAddress, port, token, clock, Set.copyOf(checked), maxResponseBytes, anomalyFactor,
                    traceUrl);
        }

        /** The names given to {@link #allowedHosts}. */
        public Set<String> allowedHosts() {
            return allowedHosts;
        }

        public String bindAddress() {
            return bindAddress;
        }

        public int port() {
            return port;
        }

        /** The token itself, or null: for {@link StatusRequests}, never printed. */
        String token() {
            return token;
        }

        /** Whether a bearer token is configured. */
        public boolean hasBearerToken() {
            return token != null;
        }

        public Clock clock() {
            return clock;
        }

        @Override
        public String toString() {
            return "StatusServer.Options[bind=" + bindAddress + ", port=" + port + ", token="
                    + (token == null ? "none" : "set") + (allowedHosts.isEmpty() ? "" : ", allowed-hosts=" + allowedHosts)
                    + "]";
        }
    }
}
