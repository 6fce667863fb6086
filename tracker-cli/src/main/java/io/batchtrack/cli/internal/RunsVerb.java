package io.batchtrack.cli.internal;

import io.batchtrack.Metrics;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Warning;
import io.batchtrack.internal.Json;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.RunFilter;
import io.batchtrack.status.RowJson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code runs}: the newest runs, filtered, as the demo's table (with each run's warnings, failure
 * and custom metrics under it) or, with {@code --json}, one JSON object per line.
 */
final class RunsVerb {
    static final int DEFAULT_LIMIT = 20;
    static final String TYPE = "--type";
    static final String STATUS = "--status";
    static final String SEASON = "--season";
    static final String WEEK = "--week";
    static final String SEASON_TYPE = "--season-type";
    static final String LIMIT = "--limit";
    static final String JSON = "--json";

    private static final List<String> COLUMNS = List.of("type", "mode", "period", "status", "started", "took",
            "games", "logs", "odds", "preds", "skipped", "api", "errors", "warnings", "id");

    private RunsVerb() {}

    static int runs(Invocation in) {
        RunFilter filter = filter(in.options());
        List<BatchRun> runs = in.database().queries().history(filter);
        if (in.options().has(JSON)) {
            runs.forEach(r -> in.out().println(RowJson.run(r)));
        } else {
            print(runs, in.out());
        }
        return 0;
    }

    private static RunFilter filter(Options o) {
        Integer limit = o.integer(LIMIT);
        RunFilter f = RunFilter.newest(limit == null ? DEFAULT_LIMIT : limit);
        if (o.has(TYPE)) {
            f = f.batchType(o.text(TYPE));
        }
        if (o.has(STATUS)) {
            f = f.status(o.get(STATUS, RunStatus.class));
        }
        if (o.has(SEASON)) {
            f = f.seasonYear(o.integer(SEASON));
        }
        if (o.has(WEEK)) {
            f = f.week(o.integer(WEEK));
        }
        if (o.has(SEASON_TYPE)) {
            f = f.seasonType(o.get(SEASON_TYPE, SeasonType.class));
        }
        return f;
    }

    static void print(List<BatchRun> runs, PrintStream out) {
        TextTable table = new TextTable(COLUMNS);
        for (BatchRun r : runs) {
            table.add(List.of(r.batchType(), r.batchMode() == null ? "" : r.batchMode(), Cells.period(r.period()),
                    r.status().code(), Cells.time(r.startedAt()), took(r), count(r, Metrics.GAMES_PROCESSED),
                    count(r, Metrics.GAME_LOGS_ADDED), count(r, Metrics.ODDS_SYNCED),
                    count(r, Metrics.PREDICTIONS_GENERATED), count(r, Metrics.PREDICTIONS_SKIPPED),
                    count(r, Metrics.API_CALLS_MADE), count(r, Metrics.ERRORS_ENCOUNTERED),
                    Long.toString(r.warnings().size() + r.warningsDropped()), r.id().toString()));
        }
        table.print(out);
        details(runs, out);
    }

    /** The warnings, failure and custom metrics of each run in full, numbered like the table's rows. */
    private static void details(List<BatchRun> runs, PrintStream out) {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < runs.size(); n++) {
            BatchRun r = runs.get(n);
            List<String> notes = new ArrayList<>();
            for (Warning w : r.warnings()) {
                notes.add("warning [" + w.stage() + "] " + w.message());
            }
            if (r.warningsDropped() > 0) {
                notes.add("warnings " + r.warningsDropped() + " more not kept");
            }
            if (r.errorType() != null || r.errorMessage() != null) {
                notes.add("error " + (r.errorType() == null ? "" : r.errorType() + ": ")
                        + (r.errorMessage() == null ? "" : r.errorMessage()));
            }
            if (!r.customMetrics().isEmpty()) {
                notes.add("custom metrics " + Json.counters(r.customMetrics()));
            }
            if (!notes.isEmpty()) {
                lines.add("row " + (n + 1) + ", " + r.batchType() + ":");
                notes.forEach(note -> lines.add("    " + note.replace('\n', ' ').replace('\r', ' ')));
            }
        }
        if (!lines.isEmpty()) {
            out.println();
            lines.forEach(out::println);
        }
    }

    private static String took(BatchRun r) {
        return r.durationMs() == null ? "" : String.format(Locale.ROOT, "%.2f s", r.durationMs() / 1000.0);
    }

    private static String count(BatchRun r, String metric) {
        return Long.toString(r.metric(metric));
    }
}
