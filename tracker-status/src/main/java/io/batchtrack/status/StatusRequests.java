package io.batchtrack.status;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.status.internal.HostCheck;
import io.batchtrack.status.internal.HttpServers;
import io.batchtrack.status.internal.StatusHandler;
import io.batchtrack.status.internal.TokenCheck;
import io.batchtrack.status.internal.TraceLinks;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Answers the requests of the System Status page, the seed's endpoints and {@code /metrics} in a web
 * server other than {@link StatusServer}'s (an application's own, through a {@link StatusExchange}),
 * with the same answers. Who may ask is decided in one of two ways:
 * <ul>
 *   <li>{@link #withTokenRules}: the status server's own rules, the bearer token when one is
 *       configured ({@link StatusServer.Options#bearerToken}), else only requests whose {@code Host}
 *       is a loopback name or one of {@link StatusServer.Options#allowedHosts} (421 otherwise). The
 *       web server itself must also keep requests from beyond this machine out when there is no
 *       token, as {@link StatusServer} does by listening on loopback only;</li>
 *   <li>{@link #behindApplicationSecurity}: the application's own security (Spring Security, say)
 *       has already let the request in; no further check.</li>
 * </ul>
 * Links on the page are relative, so the page works under any mount point that ends in {@code /}.
 * Thread-safe.
 */
public final class StatusRequests {
    private final StatusHandler handler;
    private final boolean tokenRequired;

    private StatusRequests(StatusHandler handler, boolean tokenRequired) {
        this.handler = handler;
        this.tokenRequired = tokenRequired;
    }

    /** The status server's rules: the token if {@code options} has one, else the Host check. */
    public static StatusRequests withTokenRules(Supplier<BatchRunQueries> queries, StatusServer.Options options) {
        Objects.requireNonNull(options, "options");
        String token = options.token();
        TokenCheck tokenCheck = token == null ? null : new TokenCheck(token);
        HostCheck hostCheck = null;
        if (token == null) {
            Set<String> names = new TreeSet<>(options.allowedHosts());
            hostCheck = new HostCheck(names);
        }
        return new StatusRequests(handler(queries, options, tokenCheck, hostCheck), token != null);
    }

    /** No check of its own: the application's security decided before the request got here. */
    public static StatusRequests behindApplicationSecurity(Supplier<BatchRunQueries> queries,
            StatusServer.Options options) {
        return new StatusRequests(handler(queries, Objects.requireNonNull(options, "options"), null, null), false);
    }

    private static StatusHandler handler(Supplier<BatchRunQueries> queries, StatusServer.Options options,
            TokenCheck token, HostCheck host) {
        Objects.requireNonNull(queries, "queries");
        return new StatusHandler(HttpServers.memoize(queries), options.clock(), token, host,
                options.maxResponseBytes(), options.anomalyFactor(),
                options.traceUrl().map(TraceLinks::of).orElse(TraceLinks.NONE));
    }

    /** Whether requests must carry the bearer token. */
    public boolean tokenRequired() {
        return tokenRequired;
    }

    /** Answers one request: 4xx naming the bad parameter, 503 when the database does not answer. */
    public void handle(StatusExchange exchange) throws IOException {
        handler.handle(Objects.requireNonNull(exchange, "exchange"));
    }
}
