package io.batchtrack.schedule.internal;

import io.batchtrack.Metrics;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The medians {@link AnomalyRule} compares a run with, read for many runs in one statement: for each
 * run, its duration's and each standard counter's median over the {@link AnomalyRule#WINDOW}
 * successful runs of its type and mode that started before it. Each run's window is one scan of the
 * index (batch_type, status, started_at) of V1, bounded by the LIMIT. Read when a run is shown, never
 * when it is recorded: a run's own bookkeeping costs nothing more.
 */
public final class AnomalyRows {
    /** What is judged, in the order it is reported: the duration, then the seven standard counters. */
    public static final List<String> VALUES = values();

    private final DataSource dataSource;
    private final String table;

    /** @param quotedSchema the schema, already checked and quoted */
    public AnomalyRows(DataSource dataSource, String quotedSchema) {
        this.dataSource = dataSource;
        this.table = quotedSchema + ".batch_runs";
    }

    /**
     * The medians of each run (only runs that exist), how many successful runs they cover, and the
     * run's own values ({@link #VALUES}; a null column is left out).
     */
    public record Baseline(int samples, Map<String, Double> medians, Map<String, Long> own) {}

    public Map<UUID, Baseline> baselines(Collection<UUID> runIds) {
        Map<UUID, Baseline> baselines = new HashMap<>();
        if (runIds.isEmpty()) {
            return baselines;
        }
        StringBuilder medians = new StringBuilder("count(*)");
        for (String v : VALUES) {
            medians.append(", percentile_cont(0.5) WITHIN GROUP (ORDER BY s.").append(v).append(")");
        }
        StringBuilder own = new StringBuilder();
        for (String v : VALUES) {
            own.append(", b.").append(v);
        }
        String sql = "SELECT b.id" + own + ", m.* FROM " + table + " b CROSS JOIN LATERAL (SELECT " + medians + " FROM"
                + " (SELECT " + String.join(", ", VALUES) + " FROM " + table + " s WHERE s.batch_type = b.batch_type"
                + " AND s.status = 'success' AND s.started_at < b.started_at"
                + " AND s.batch_mode IS NOT DISTINCT FROM b.batch_mode"
                + " ORDER BY s.started_at DESC LIMIT " + AnomalyRule.WINDOW + ") s) m WHERE b.id = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array ids = c.createArrayOf("uuid", runIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = VALUES.size();
                    Map<String, Long> values = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        long value = rs.getLong(2 + i);
                        if (!rs.wasNull()) {
                            values.put(VALUES.get(i), value);
                        }
                    }
                    Map<String, Double> m = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        double median = rs.getDouble(3 + n + i);
                        if (!rs.wasNull()) {
                            m.put(VALUES.get(i), median);
                        }
                    }
                    baselines.put(rs.getObject(1, UUID.class), new Baseline(rs.getInt(2 + n), m, values));
                }
            }
            ids.free();
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read the recent successful runs: " + e.getMessage(),
                    e);
        }
        return baselines;
    }

    private static List<String> values() {
        List<String> v = new java.util.ArrayList<>();
        v.add("duration_ms");
        v.addAll(Metrics.STANDARD);
        return List.copyOf(v);
    }
}
