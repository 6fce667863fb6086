package io.batchtrack.alerts.internal;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import io.batchtrack.alerts.AlertEvent;
import io.batchtrack.alerts.EventSource;
import io.batchtrack.alerts.Events;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code run.failed}, {@code run.abandoned} (a run the sweep or heartbeat ended, {@code error_type
 * abandoned}) and {@code run.recovered} (a success or partial run whose type and mode's previous run
 * failed) from {@code batch_runs}, for runs started at or after {@code since}. Runs already alerted
 * are left out in SQL, so a scan reads only what is new; both reads use V1's indexes (status,
 * started_at) and (batch_type, started_at).
 */
public final class RunEvents implements EventSource {
    /** Runs read per scan; more wait for the next scan. */
    static final int MAX_PER_SCAN = 5_000;
    /** Recoveries are looked for among the runs of the last week only: each costs a look at the run before it. */
    static final Duration RECOVERY_WINDOW = Duration.ofDays(7);
    private static final String COLUMNS = "r.id, r.batch_type, r.batch_mode, r.season_year, r.week, r.season_type";

    @Override
    public List<AlertEvent> detect(Scan scan) {
        String runs = "\"" + scan.schema() + "\".batch_runs";
        String alerts = "\"" + scan.schema() + "\".batch_alerts";
        List<AlertEvent> events = new ArrayList<>();
        try (Connection c = scan.dataSource().getConnection()) {
            failures(c, runs, alerts, scan.since(), events);
            Instant from = scan.since().isAfter(scan.clock().instant().minus(RECOVERY_WINDOW)) ? scan.since()
                    : scan.clock().instant().minus(RECOVERY_WINDOW);
            recoveries(c, runs, alerts, scan.since(), from, events);
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read batch_runs for alerts: " + e.getMessage(), e);
        }
        return events;
    }

    private static void failures(Connection c, String runs, String alerts, Instant since, List<AlertEvent> events)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", r.error_type, r.error_message FROM " + runs
                + " r WHERE r.status = 'failed' AND r.started_at >= ? AND NOT EXISTS (SELECT 1 FROM " + alerts
                + " a WHERE a.event IN ('" + Events.RUN_FAILED + "', '" + Events.RUN_ABANDONED + "')"
                + " AND a.subject = 'run:' || r.id::text) ORDER BY r.started_at LIMIT " + MAX_PER_SCAN)) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String errorType = rs.getString("error_type");
                    boolean abandoned = "abandoned".equals(errorType);
                    String error = rs.getString("error_message");
                    String firstLine = error == null ? "" : error.lines().findFirst().orElse("");
                    String name = name(rs);
                    String message = abandoned
                            ? name + " was abandoned: it stopped beating and was marked failed"
                            : name + " failed" + (errorType == null ? "" : " (" + errorType + ")")
                                    + (firstLine.isEmpty() ? "" : ": " + firstLine);
                    events.add(event(rs, abandoned ? Events.RUN_ABANDONED : Events.RUN_FAILED, message));
                }
            }
        }
    }

    private static void recoveries(Connection c, String runs, String alerts, Instant since, Instant from,
            List<AlertEvent> events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + runs + " r"
                + " WHERE r.status IN ('success', 'partial') AND r.started_at >= ?"
                + " AND (SELECT p.status FROM " + runs + " p WHERE p.batch_type = r.batch_type"
                + " AND p.batch_mode IS NOT DISTINCT FROM r.batch_mode AND p.status IN ('success', 'partial', 'failed')"
                + " AND p.started_at < r.started_at AND p.started_at >= ? ORDER BY p.started_at DESC LIMIT 1) = 'failed'"
                + " AND NOT EXISTS (SELECT 1 FROM " + alerts + " a WHERE a.event = '" + Events.RUN_RECOVERED
                + "' AND a.subject = 'run:' || r.id::text) ORDER BY r.started_at LIMIT " + MAX_PER_SCAN)) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(event(rs, Events.RUN_RECOVERED, name(rs) + " succeeded again after a failed run"));
                }
            }
        }
    }

    private static String name(ResultSet rs) throws SQLException {
        String mode = rs.getString("batch_mode");
        return rs.getString("batch_type") + (mode == null ? "" : "/" + mode) + " run " + rs.getObject("id");
    }

    private static AlertEvent event(ResultSet rs, String event, String message) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new AlertEvent(event, AlertEvent.runSubject(id), rs.getString("batch_type"), rs.getString("batch_mode"),
                period(rs), id, null, message);
    }

    /** The period of a {@code batch_runs} row read with its season_year, week and season_type columns. */
    static Period period(ResultSet rs) throws SQLException {
        return new Period(rs.getInt("season_year"), rs.getInt("week"), SeasonType.fromCode(rs.getString("season_type")));
    }
}
