package io.batchtrack.alerts.internal;

import io.batchtrack.Period;
import io.batchtrack.alerts.AlertEvent;
import io.batchtrack.alerts.EventSource;
import io.batchtrack.alerts.Events;
import io.batchtrack.schedule.Anomaly;
import io.batchtrack.schedule.RunFlags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * {@code run.anomaly}: a finished run (success, partial or failed) whose duration or a standard
 * counter is outside [median ÷ k, median × k] of the recent successful runs of its type and mode —
 * the same rule, and the same {@code anomaly.factor}, as the anomaly marks of the status page
 * ({@link RunFlags}). Runs already alerted are left out in SQL; the newest are judged first, at most
 * {@link #MAX_PER_SCAN} per scan, among the runs of the last {@link #WINDOW} only, so that a scan's
 * cost stays bounded however long the table is (a run is judged again in each scan until it is alerted
 * or leaves the window: its verdict depends only on the runs before it).
 */
public final class AnomalyEvents implements EventSource {
    /** Runs judged per scan at most, newest first. */
    static final int MAX_PER_SCAN = 1_000;
    /** How far back runs are judged; the same reach as the recoveries of {@link RunEvents}. */
    static final Duration WINDOW = RunEvents.RECOVERY_WINDOW;

    private final double factor;

    /** @param factor {@code k} of {@code anomaly.factor}, already checked */
    public AnomalyEvents(double factor) {
        this.factor = RunFlags.requireFactor(factor);
    }

    @Override
    public List<AlertEvent> detect(Scan scan) {
        Instant windowStart = scan.clock().instant().minus(WINDOW);
        Instant from = scan.since().isAfter(windowStart) ? scan.since() : windowStart;
        Map<UUID, Candidate> candidates = candidates(scan, from);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Anomaly>> found = RunFlags.create(scan.dataSource(), scan.schema(), factor)
                .anomalies(candidates.keySet());
        List<AlertEvent> events = new ArrayList<>();
        for (Map.Entry<UUID, List<Anomaly>> e : found.entrySet()) {
            Candidate c = candidates.get(e.getKey());
            StringJoiner what = new StringJoiner("; ");
            e.getValue().forEach(a -> what.add(a.describe()));
            String name = c.batchType + (c.batchMode == null ? "" : "/" + c.batchMode) + " run " + e.getKey();
            events.add(new AlertEvent(Events.RUN_ANOMALY, AlertEvent.runSubject(e.getKey()), c.batchType, c.batchMode,
                    c.period, e.getKey(), null, name + " (" + c.status + ") is far from its recent successful runs: "
                            + what));
        }
        return events;
    }

    private record Candidate(String batchType, String batchMode, Period period, String status) {}

    private static Map<UUID, Candidate> candidates(Scan scan, Instant from) {
        String runs = "\"" + scan.schema() + "\".batch_runs";
        String alerts = "\"" + scan.schema() + "\".batch_alerts";
        Map<UUID, Candidate> candidates = new LinkedHashMap<>();
        try (Connection c = scan.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT r.id, r.batch_type, r.batch_mode, r.season_year, r.week, r.season_type, r.status FROM " + runs
                        + " r WHERE r.status IN ('success', 'partial', 'failed') AND r.started_at >= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM " + alerts + " a WHERE a.event = ?"
                        + " AND a.subject = 'run:' || r.id::text) ORDER BY r.started_at DESC LIMIT ?")) {
            // only the schema, checked and quoted, is spliced in: every value is bound
            s.setTimestamp(1, Timestamp.from(from));
            s.setString(2, Events.RUN_ANOMALY);
            s.setInt(3, MAX_PER_SCAN);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    candidates.put(rs.getObject("id", UUID.class), new Candidate(rs.getString("batch_type"),
                            rs.getString("batch_mode"), RunEvents.period(rs), rs.getString("status")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read batch_runs for anomaly alerts: "
                    + e.getMessage(), e);
        }
        return candidates;
    }
}
