package io.batchtrack.status.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.RunExcerpt;
import io.batchtrack.jdbi.RunFilter;
import io.batchtrack.schedule.RunFlags;
import io.batchtrack.status.StatusExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every request of the status server: token, route, method, parameters, then one answer. Bad
 * input is a 4xx with a JSON message; only a fault of the server or its database is a 5xx, logged
 * (without the query string or any header) once at WARNING, then at DEBUG.
 */
public final class StatusHandler implements HttpHandler {
    public static final String API = "/api/admin/";
    /** Runs per batch type on the page. */
    public static final int PAGE_RUNS_PER_TYPE = 10;
    /** Recent runs per batch type that the page's success rate covers. */
    public static final int PAGE_WINDOW = 50;
    /** Rows of {@code batch_losses} on the page and in {@code /api/admin/losses}. */
    static final int PAGE_LOSSES = 100;
    /** Batch types shown with their runs; more are only summarised (each costs one query). */
    public static final int PAGE_MAX_TYPES = 30;
    public static final int DEFAULT_HISTORY_LIMIT = 50;

    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private final Supplier<BatchRunQueries> queries;
    private final Clock clock;
    private final TokenCheck token; // null: no token configured
    private final HostCheck host; // null: the token guards the server
    private final long maxResponseBytes;
    private final MetricsResource metrics;
    private final double anomalyFactor;
    private final TraceLinks traceLinks;

    /**
     * @param queries the query API, asked for on each request (the caller memoizes)
     * @param token the token check, or null when none is configured
     * @param host the Host header check, or null (a server with a token)
     * @param maxResponseBytes the most a response body may hold; lists and the page stop short of it
     *     and say so
     * @param anomalyFactor {@code k} of the runs' anomalies ({@link RunFlags})
     * @param traceLinks the page's links from runs to their traces ({@code status.trace-url})
     */
    public StatusHandler(Supplier<BatchRunQueries> queries, Clock clock, TokenCheck token, HostCheck host,
            long maxResponseBytes, double anomalyFactor, TraceLinks traceLinks) {
        this.queries = queries;
        this.clock = clock;
        this.token = token;
        this.host = host;
        this.maxResponseBytes = maxResponseBytes;
        this.metrics = new MetricsResource(clock);
        this.anomalyFactor = RunFlags.requireFactor(anomalyFactor);
        this.traceLinks = traceLinks;
    }

    /** The JDK server's request, through the same {@link StatusExchange} as any other web server's. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            handle(new JdkExchange(exchange));
        }
    }

    /** Answers one request, in whichever web server it came. */
    public void handle(StatusExchange exchange) throws IOException {
        Response response;
        try {
            response = respond(exchange);
        } catch (BadRequest e) {
            response = Response.json(400, StatusJson.error("bad_request", e.parameter(), e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            response = fault(exchange, e);
        }
        send(exchange, response);
    }

    private Response respond(StatusExchange exchange) {
        if (host != null && !host.accepts(exchange.requestHeader("Host"))) {
            // DNS rebinding: a page of another site, its name pointed at this machine
            return Response.json(421, StatusJson.error("misdirected_request", null, "this server answers only"
                    + " requests for " + String.join(", ", host.allowed()) + " (any port); add further names"
                    + " to status.allowed-hosts"));
        }
        if (token != null && !token.accepts(exchange.requestHeader("Authorization"))) {
            boolean presented = exchange.requestHeader("Authorization") != null;
            Response r = Response.json(401, StatusJson.error("unauthorized", null, presented
                    ? "the token is not valid" : "a bearer token is required (Authorization: Bearer <token>)"));
            r.headers.put("WWW-Authenticate", List.of(TokenCheck.BEARER_CHALLENGE
                    + (presented ? ", error=\"invalid_token\"" : ""), TokenCheck.BASIC_CHALLENGE));
            return r;
        }
        String path = exchange.path();
        Route route = Route.of(path);
        if (route == null) {
            return Response.json(404, StatusJson.error("not_found", null, "no such resource; see "
                    + API + "batch-runs/latest, " + API + "batch-runs/history, " + API + "batch-runs/{id}, "
                    + API + "data-readiness/current, "
                    + API + "data-readiness/{week}, " + API + "losses, " + API + "expectations, "
                    + API + "readiness-deadlines, /metrics or the page at /"));
        }
        String method = exchange.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Response r = Response.json(405, StatusJson.error("method_not_allowed", null,
                    "the status server is read-only: only GET and HEAD are allowed"));
            r.headers.put("Allow", List.of("GET, HEAD"));
            return r;
        }
        QueryParams params = QueryParams.parse(exchange.rawQuery());
        switch (route) {
            case PAGE: return PageResource.answer(queries.get(), clock, anomalyFactor, traceLinks);
            case LATEST: return latest(params);
            case HISTORY: return history(params, exchange.mountPath());
            case RUN: return run(path.substring(Route.RUN_PREFIX.length()));
            case CURRENT_READINESS: return readiness(NflCalendar.current(clock));
            case LOSSES: return Response.json(200, StatusJson.losses(queries.get().losses(PAGE_LOSSES)));
            case EXPECTATIONS: return Response.json(200, ExpectationsResource.answer(queries.get(), clock, params));
            case METRICS: return new Response(200, MetricsText.CONTENT_TYPE, metrics.answer(queries.get()));
            case READINESS_DEADLINES:
                return Response.json(200, ReadinessDeadlinesResource.answer(queries.get(), clock, params));
            default: return readiness(week(path.substring(Route.READINESS_PREFIX.length()), params));
        }
    }

    private Response latest(QueryParams params) {
        String batchType = params.name("batch_type");
        Optional<BatchRun> run = batchType == null ? queries.get().latest() : queries.get().latest(batchType);
        return run.map(r -> Response.json(200, StatusJson.run(r, flags(r)))).orElseGet(() -> Response.json(404,
                StatusJson.error("not_found", null, batchType == null ? "no batch run is recorded yet"
                        : "no run of batch type '" + batchType + "' is recorded")));
    }

    private Response history(QueryParams params, String mountPath) {
        Integer limit = params.integer("limit", 1, RunFilter.MAX_LIMIT);
        RunFilter filter = RunFilter.newest(limit == null ? DEFAULT_HISTORY_LIMIT : limit);
        String batchType = params.name("batch_type");
        if (batchType != null) {
            filter = filter.batchType(batchType);
        }
        RunStatus status = params.status("status");
        if (status != null) {
            filter = filter.status(status);
        }
        Integer seasonYear = params.integer("season_year", Period.FIRST_SEASON_YEAR, Period.LAST_SEASON_YEAR);
        if (seasonYear != null) {
            filter = filter.seasonYear(seasonYear);
        }
        Integer week = params.integer("week", 0, SeasonType.REG.lastWeek());
        if (week != null) {
            filter = filter.week(week);
        }
        SeasonType seasonType = params.seasonType("season_type");
        if (seasonType != null) {
            filter = filter.seasonType(seasonType);
        }
        List<RunExcerpt> runs = queries.get().historyExcerpts(filter); // read before the status line is sent
        Map<UUID, RunFlags.Flags> flags = flags(runs.stream().map(RunExcerpt::run).toList());
        int shownLimit = filter.limit();
        return Response.streamed(200, Response.JSON, out -> StatusJson.runs(out, runs, shownLimit, flags, mountPath));
    }

    /** Overdue and anomalies of the runs shown: read with them, never on the batch's path. */
    private Map<UUID, RunFlags.Flags> flags(List<BatchRun> runs) {
        BatchRunQueries q = queries.get();
        return RunFlags.create(q.dataSource(), q.schema(), anomalyFactor).of(runs, clock);
    }

    private RunFlags.Flags flags(BatchRun run) {
        return flags(List.of(run)).getOrDefault(run.id(), RunFlags.Flags.NONE);
    }

    /** {@code /batch-runs/{id}}: one run, whole: every warning, the whole message and stack. */
    private Response run(String segment) {
        UUID id = RunIds.parse(segment);
        return queries.get().run(id).map(r -> Response.json(200, StatusJson.run(r, flags(r)))).orElseGet(() -> Response.json(404,
                StatusJson.error("not_found", null, "no batch run with id " + id + " is recorded")));
    }

    /** The week of {@code /data-readiness/{week}}: season year and type default to the current week's. */
    private Period week(String segment, QueryParams params) {
        int week = QueryParams.integer("week", segment, 0, SeasonType.REG.lastWeek());
        Period current = NflCalendar.current(clock);
        Integer seasonYear = params.integer("season_year", Period.FIRST_SEASON_YEAR, Period.LAST_SEASON_YEAR);
        SeasonType seasonType = params.seasonType("season_type");
        SeasonType type = seasonType == null ? current.seasonType() : seasonType;
        if (week < type.firstWeek() || week > type.lastWeek()) {
            throw new BadRequest("week", "week must be between " + type.firstWeek() + " and " + type.lastWeek()
                    + " for season_type " + type.code() + ", got " + week + (seasonType != null ? ""
                    : " (season_type defaults to the current week's, " + current + "; pass season_type=reg,"
                            + " pre or post)"));
        }
        return new Period(seasonYear == null ? current.seasonYear() : seasonYear, week, type);
    }

    private Response readiness(Period period) {
        return queries.get().readiness(period).map(d -> Response.json(200, StatusJson.readiness(d)))
                .orElseGet(() -> Response.json(404, StatusJson.error("not_found", null,
                        "no data_readiness row for season_year " + period.seasonYear() + ", week " + period.week()
                                + ", season_type " + period.seasonType().code())));
    }

    private static Response fault(StatusExchange exchange, Throwable e) {
        boolean database = causedBySql(e);
        // the path only: a query string is the caller's text, and headers may hold the token
        Log.warnOnce(database ? "status-database" : "status-fault", "batchtrack status server could not answer "
                + exchange.method() + " " + exchange.path(), e);
        if (database) {
            Response r = Response.json(503, StatusJson.error("unavailable", null,
                    "the batchtrack database did not answer; see the server's log"));
            r.headers.put("Retry-After", List.of("30"));
            return r;
        }
        return Response.json(500, StatusJson.error("internal_error", null,
                "the status server failed; see its log"));
    }

    private static boolean causedBySql(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private void send(StatusExchange exchange, Response r) throws IOException {
        exchange.responseHeader("Content-Type", List.of(r.contentType));
        exchange.responseHeader("Cache-Control", List.of("no-store"));
        exchange.responseHeader("X-Content-Type-Options", List.of("nosniff"));
        exchange.responseHeader("Referrer-Policy", List.of("no-referrer"));
        exchange.responseHeader("Content-Security-Policy", List.of(API_CSP));
        for (Map.Entry<String, List<String>> e : r.headers.entrySet()) {
            exchange.responseHeader(e.getKey(), e.getValue());
        }
        if (exchange.method().equals("HEAD")) {
            exchange.respond(r.status, -1).close();
            return;
        }
        if (r.streamed != null) {
            // chunked: written as it is made, never whole in memory
            try (OutputStream out = exchange.respond(r.status, 0)) {
                CappedBody body = new CappedBody(out, maxResponseBytes);
                r.streamed.writeTo(body);
                body.finish();
            }
            return;
        }
        byte[] body = r.body.getBytes(StandardCharsets.UTF_8);
        boolean tooLarge = body.length > maxResponseBytes;
        if (tooLarge) {
            // one run whose record outgrew a cap set very low: say so rather than send it
            body = StatusJson.error("too_large", null, "the answer (" + body.length + " bytes) exceeds the status"
                    + " server's limit of " + maxResponseBytes + " bytes (status.max-response-kb)")
                    .getBytes(StandardCharsets.UTF_8);
        }
        try (OutputStream out = exchange.respond(tooLarge ? 500 : r.status, body.length)) {
            out.write(body);
        }
    }
}
