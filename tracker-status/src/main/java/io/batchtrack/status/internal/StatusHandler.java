package io.batchtrack.status.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchTypeSummary;
import io.batchtrack.jdbi.DataReadiness;
import io.batchtrack.jdbi.RunFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private final Supplier<BatchRunQueries> queries;
    private final Clock clock;
    private final TokenCheck token; // null: no token configured

    /**
     * @param queries the query API, asked for on each request (the caller memoizes)
     * @param token the token check, or null when none is configured
     */
    public StatusHandler(Supplier<BatchRunQueries> queries, Clock clock, TokenCheck token) {
        this.queries = queries;
        this.clock = clock;
        this.token = token;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
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
    }

    private Response respond(HttpExchange exchange) {
        if (token != null && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            boolean presented = exchange.getRequestHeaders().containsKey("Authorization");
            Response r = Response.json(401, StatusJson.error("unauthorized", null, presented
                    ? "the token is not valid" : "a bearer token is required (Authorization: Bearer <token>)"));
            r.headers.put("WWW-Authenticate", List.of(TokenCheck.BEARER_CHALLENGE
                    + (presented ? ", error=\"invalid_token\"" : ""), TokenCheck.BASIC_CHALLENGE));
            return r;
        }
        String path = exchange.getRequestURI().getPath();
        Route route = Route.of(path);
        if (route == null) {
            return Response.json(404, StatusJson.error("not_found", null, "no such resource; see "
                    + API + "batch-runs/latest, " + API + "batch-runs/history, " + API + "data-readiness/current, "
                    + API + "data-readiness/{week} or the page at /"));
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Response r = Response.json(405, StatusJson.error("method_not_allowed", null,
                    "the status server is read-only: only GET and HEAD are allowed"));
            r.headers.put("Allow", List.of("GET, HEAD"));
            return r;
        }
        QueryParams params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
        switch (route) {
            case PAGE: return page();
            case LATEST: return latest(params);
            case HISTORY: return history(params);
            case CURRENT_READINESS: return readiness(NflCalendar.current(clock));
            case LOSSES: return Response.json(200, StatusJson.losses(queries.get().losses(PAGE_LOSSES)));
            default: return readiness(week(path.substring(Route.READINESS_PREFIX.length()), params));
        }
    }

    private Response latest(QueryParams params) {
        String batchType = params.name("batch_type");
        Optional<BatchRun> run = batchType == null ? queries.get().latest() : queries.get().latest(batchType);
        return run.map(r -> Response.json(200, StatusJson.run(r))).orElseGet(() -> Response.json(404,
                StatusJson.error("not_found", null, batchType == null ? "no batch run is recorded yet"
                        : "no run of batch type '" + batchType + "' is recorded")));
    }

    private Response history(QueryParams params) {
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
        return Response.json(200, StatusJson.runs(queries.get().history(filter), filter.limit()));
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

    private Response page() {
        BatchRunQueries q = queries.get();
        Instant now = clock.instant();
        Period week = NflCalendar.current(clock);
        DataReadiness readiness = q.readiness(week).orElse(null);
        List<BatchTypeSummary> summaries = q.summaries(PAGE_WINDOW);
        Map<String, List<BatchRun>> recent = new LinkedHashMap<>();
        for (BatchTypeSummary s : summaries.subList(0, Math.min(PAGE_MAX_TYPES, summaries.size()))) {
            recent.put(s.batchType(), q.history(RunFilter.newest(PAGE_RUNS_PER_TYPE).batchType(s.batchType())));
        }
        Response r = new Response(200, HTML, StatusPage.render(now, week, readiness, summaries, recent, PAGE_WINDOW,
                q.losses(PAGE_LOSSES)));
        r.headers.put("Content-Security-Policy", List.of(PAGE_CSP));
        return r;
    }

    private static Response fault(HttpExchange exchange, Throwable e) {
        boolean database = causedBySql(e);
        // the path only: a query string is the caller's text, and headers may hold the token
        Log.warnOnce(database ? "status-database" : "status-fault", "batchtrack status server could not answer "
                + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath(), e);
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

    private static void send(HttpExchange exchange, Response r) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", r.contentType);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", API_CSP);
        for (Map.Entry<String, List<String>> e : r.headers.entrySet()) {
            h.put(e.getKey(), e.getValue());
        }
        byte[] body = r.body.getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(r.status, -1);
            return;
        }
        exchange.sendResponseHeaders(r.status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The resources; anything else is a 404. */
    private enum Route {
        PAGE, LATEST, HISTORY, CURRENT_READINESS, WEEK_READINESS, LOSSES;

        static final String READINESS_PREFIX = API + "data-readiness/";

        static Route of(String path) {
            if (path == null) {
                return null;
            }
            switch (path) {
                case "/":
                case "/status":
                    return PAGE;
                case API + "batch-runs/latest":
                    return LATEST;
                case API + "batch-runs/history":
                    return HISTORY;
                case READINESS_PREFIX + "current":
                    return CURRENT_READINESS;
                case API + "losses":
                    return LOSSES;
                default:
                    return path.startsWith(READINESS_PREFIX) && path.length() > READINESS_PREFIX.length()
                            && path.indexOf('/', READINESS_PREFIX.length()) < 0 ? WEEK_READINESS : null;
            }
        }
    }

    private static final class Response {
        final int status;
        final String contentType;
        final String body;
        final Map<String, List<String>> headers = new LinkedHashMap<>();

        Response(int status, String contentType, String body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        static Response json(int status, String body) {
            return new Response(status, JSON, body);
        }
    }
}
