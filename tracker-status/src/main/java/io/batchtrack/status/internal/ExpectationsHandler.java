package io.batchtrack.status.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.schedule.ExpectationStatus;
import io.batchtrack.schedule.ScheduleEvaluator;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Schedules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /api/admin/expectations}: every expected schedule with its settings, its next due
 * time and its last slots (newest first), and the overdue runs; one evaluation from the database.
 * Parameters: {@code batch_type}, {@code batch_mode} (only that expectation), {@code slots}
 * (1..10, default 10). The same token, methods and answers to bad input as {@link StatusHandler}.
 */
public final class ExpectationsHandler implements HttpHandler {
    public static final String PATH = StatusHandler.API + "expectations";

    private final Supplier<BatchRunQueries> queries;
    private final Clock clock;
    private final TokenCheck token; // null: no token configured
    private final HostCheck host; // null: the token guards the server

    /** @param host the Host header check (DNS rebinding), or null on a server with a token; as StatusHandler's */
    public ExpectationsHandler(Supplier<BatchRunQueries> queries, Clock clock, TokenCheck token, HostCheck host) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.token = token;
        this.host = host;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status;
            String body;
            try {
                body = respond(exchange);
                status = 200;
            } catch (Refusal r) {
                status = r.status;
                body = r.body;
            } catch (BadRequest e) {
                status = 400;
                body = StatusJson.error("bad_request", e.parameter(), e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                boolean database = causedBySql(e);
                Log.warnOnce(database ? "status-database" : "status-fault", "batchtrack status server could not"
                        + " answer " + exchange.getRequestMethod() + " " + PATH, e);
                status = database ? 503 : 500;
                if (database) {
                    exchange.getResponseHeaders().put("Retry-After", List.of("30"));
                }
                body = database ? StatusJson.error("unavailable", null,
                        "the batchtrack database did not answer; see the server's log")
                        : StatusJson.error("internal_error", null, "the status server failed; see its log");
            }
            send(exchange, status, body);
        }
    }

    private String respond(HttpExchange exchange) {
        if (host != null && !host.accepts(exchange.getRequestHeaders().getFirst("Host"))) {
            throw new Refusal(421, StatusJson.error("misdirected_request", null, "this server answers only"
                    + " requests for " + String.join(", ", host.allowed()) + " (any port); add further names"
                    + " to status.allowed-hosts"));
        }
        if (token != null && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().put("WWW-Authenticate", List.of(TokenCheck.BEARER_CHALLENGE,
                    TokenCheck.BASIC_CHALLENGE));
            throw new Refusal(401, StatusJson.error("unauthorized", null,
                    "a valid bearer token is required (Authorization: Bearer <token>)"));
        }
        if (!PATH.equals(exchange.getRequestURI().getPath())) { // the context also receives longer paths
            throw new Refusal(404, StatusJson.error("not_found", null, "no such resource; see " + PATH));
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().put("Allow", List.of("GET, HEAD"));
            throw new Refusal(405, StatusJson.error("method_not_allowed", null,
                    "the status server is read-only: only GET and HEAD are allowed"));
        }
        QueryParams params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
        String batchType = params.name("batch_type");
        String batchMode = params.name("batch_mode");
        if (batchMode != null && batchType == null) {
            throw new BadRequest("batch_mode", "batch_mode needs batch_type");
        }
        Integer slots = params.integer("slots", 1, ScheduleEvaluator.SLOTS);
        BatchRunQueries q = queries.get();
        ScheduleReport report = Schedules.create(q.dataSource(), q.schema()).evaluate(clock);
        List<ExpectationStatus> shown = report.expectations().stream()
                .filter(s -> batchType == null || (s.expectation().batchType().equals(batchType)
                        && (batchMode == null || batchMode.equals(s.expectation().mode()))))
                .toList();
        return ExpectationsJson.of(report, shown, slots == null ? ScheduleEvaluator.SLOTS : slots);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", "application/json; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean causedBySql(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** An answer other than 200 decided before the evaluation. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String body;

        Refusal(int status, String body) {
            super(null, null, false, false);
            this.status = status;
            this.body = body;
        }
    }
}
