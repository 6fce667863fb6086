package io.batchtrack.examples.demo;

import io.batchtrack.examples.demo.TablePrinter.Column;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints {@code batch_runs} and {@code data_readiness} for a reader: one table of numbers, then the
 * warnings, failures and custom metrics of each run in full. Column names are the seed's.
 */
final class AuditTables {
    private static final String UNDEFINED_TABLE = "42P01";
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");
    private static final Pattern STAGE = Pattern.compile("\"stage\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    static final List<Column> RUN_COLUMNS = List.of(
            Column.of("batch_type", "type"),
            Column.of("batch_mode", "mode"),
            period(),
            Column.of("status", "status"),
            new Column("started", List.of("started_at"), rs -> time(rs.getObject("started_at", OffsetDateTime.class))),
            new Column("took", List.of("started_at", "completed_at"), AuditTables::duration),
            Column.of("games_processed", "games"),
            Column.of("game_logs_added", "logs"),
            Column.of("odds_synced", "odds"),
            Column.of("predictions_generated", "preds"),
            Column.of("predictions_skipped", "skipped"),
            Column.of("api_calls_made", "api"),
            Column.of("errors_encountered", "errors"),
            new Column("warnings", List.of("warnings"), rs -> String.valueOf(warnings(rs.getString("warnings")).size())));

    static final List<Column> READINESS_COLUMNS = List.of(
            period(),
            yesNo("schedule_complete"),
            yesNo("predictions_available"),
            Column.of("games_count", "games_count"),
            Column.of("predictions_count", "predictions_count"),
            Column.of("updated_at", "updated_at"),
            Column.of("last_updated", "last_updated"));

    private AuditTables() {}

    /** @param schema the tracker's schema, already validated as a plain identifier */
    static void print(Connection c, String schema, PrintStream out) throws SQLException {
        out.println();
        out.println("== batch_runs");
        String runs = "SELECT * FROM " + schema + ".batch_runs ORDER BY started_at";
        if (query(c, runs, out, rs -> TablePrinter.print(rs, RUN_COLUMNS, out))) {
            query(c, runs, out, rs -> details(rs, out));
        }
        out.println();
        out.println("== data_readiness");
        query(c, "SELECT * FROM " + schema + ".data_readiness ORDER BY season_year, season_type, week", out,
                rs -> TablePrinter.print(rs, READINESS_COLUMNS, out));
    }

    private interface Rows {
        void accept(ResultSet rs) throws SQLException;
    }

    /** @return false if the table does not exist, which is said on {@code out} */
    private static boolean query(Connection c, String sql, PrintStream out, Rows rows) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rows.accept(rs);
            return true;
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
            out.println("(no such table: " + e.getMessage().lines().findFirst().orElse("")
                    + " — the migration has not been applied)");
            return false;
        }
    }

    /** The warnings, failure and custom metrics of each run, numbered like the table's rows. */
    static void details(ResultSet rs, PrintStream out) throws SQLException {
        Set<String> has = TablePrinter.columnNames(rs);
        int n = 0;
        List<String> lines = new ArrayList<>();
        while (rs.next()) {
            n++;
            List<String> notes = new ArrayList<>();
            if (has.contains("warnings")) {
                for (String[] w : warnings(rs.getString("warnings"))) {
                    notes.add("warning [" + w[0] + "] " + w[1]);
                }
            }
            if (has.contains("error_message") && rs.getString("error_message") != null) {
                notes.add("error " + (has.contains("error_type") ? rs.getString("error_type") + ": " : "")
                        + rs.getString("error_message"));
            }
            if (has.contains("custom_metrics")) {
                String custom = rs.getString("custom_metrics");
                if (custom != null && !custom.isBlank() && !custom.equals("{}")) {
                    notes.add("custom metrics " + custom);
                }
            }
            if (!notes.isEmpty()) {
                lines.add("row " + n + ", " + rs.getString("batch_type") + ":");
                notes.forEach(note -> lines.add("    " + note));
            }
        }
        if (!lines.isEmpty()) {
            out.println();
            lines.forEach(out::println);
        }
    }

    /** {stage, message} of each warning in a {@code warnings} JSON array; whatever the key order. */
    static List<String[]> warnings(String json) {
        List<String[]> result = new ArrayList<>();
        if (json == null) {
            return result;
        }
        Matcher object = OBJECT.matcher(json);
        while (object.find()) {
            Matcher stage = STAGE.matcher(object.group());
            Matcher message = MESSAGE.matcher(object.group());
            if (stage.find() && message.find()) {
                result.add(new String[] {unescape(stage.group(1)), unescape(message.group(1))});
            }
        }
        return result;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\");
    }

    private static Column period() {
        return new Column("period", List.of("season_year", "season_type", "week"),
                rs -> rs.getInt("season_year") + "/" + rs.getString("season_type") + "/" + rs.getInt("week"));
    }

    private static Column yesNo(String name) {
        return new Column(name, List.of(name), rs -> {
            boolean v = rs.getBoolean(name);
            return rs.wasNull() ? "" : v ? "yes" : "no";
        });
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : HH_MM_SS.format(t);
    }

    private static String duration(ResultSet rs) throws SQLException {
        OffsetDateTime start = rs.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime end = rs.getObject("completed_at", OffsetDateTime.class);
        if (start == null || end == null) {
            return "";
        }
        Duration d = Duration.between(start, end);
        return String.format(java.util.Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }
}
