package io.batchtrack.alerts.internal;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import io.batchtrack.alerts.AlertEvent;
import io.batchtrack.alerts.AlertRecord;
import io.batchtrack.alerts.Events;
import io.batchtrack.internal.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of {@code batch_alerts}, {@code batch_alert_attempts} and {@code batch_alert_state}. Times
 * of claims, leases and retries are the database's ({@code now()}), so that senders on machines whose
 * clocks differ still agree.
 *
 * <p>About 300 lines on purpose: every statement on the three tables is here, so that the
 * exactly-once protocol (record once per event and subject, claim with a lease, record each attempt,
 * retry or give up) is checked by reading one file.
 */
public final class AlertTable {
    /** The longest message stored and sent. */
    public static final int MAX_MESSAGE = 1_000;
    private static final String COLUMNS = "a.id, a.event, a.subject, a.batch_type, a.batch_mode, a.season_year, a.week,"
            + " a.season_type, a.run_id, a.slot_due_at, a.message, a.detected_at, a.state, a.attempts,"
            + " a.next_attempt_at, a.delivered_at";
    private static final String LAST_ATTEMPT = " LEFT JOIN LATERAL (SELECT t.http_status, t.error FROM %s t"
            + " WHERE t.alert_id = a.id ORDER BY t.attempt DESC LIMIT 1) last ON true";

    private final String alerts;
    private final String attempts;
    private final String state;
    private final String lockKey;

    /** @param quotedSchema the schema, already checked and quoted */
    public AlertTable(String quotedSchema) {
        this.alerts = quotedSchema + ".batch_alerts";
        this.attempts = quotedSchema + ".batch_alert_attempts";
        this.state = quotedSchema + ".batch_alert_state";
        this.lockKey = "batchtrack alerts " + quotedSchema;
    }

    /** The recorded {@code since}, recorded as {@code enabledAt} if absent (the first watcher's start). */
    public Instant since(Connection c, Instant enabledAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + state + " (name, at) VALUES ('since', ?)"
                + " ON CONFLICT (name) DO NOTHING")) {
            s.setTimestamp(1, java.sql.Timestamp.from(enabledAt));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT at FROM " + state + " WHERE name = 'since'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /** Records the event unless one of its event and subject is recorded; @return whether it was new. */
    public boolean insert(Connection c, AlertEvent e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + alerts + " (id, event, subject, batch_type,"
                + " batch_mode, season_year, week, season_type, run_id, slot_due_at, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event, subject) DO NOTHING")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, e.event());
            s.setString(3, e.subject());
            s.setString(4, e.batchType());
            s.setString(5, e.batchMode());
            Period p = e.period();
            if (p == null) {
                s.setNull(6, Types.INTEGER);
                s.setNull(7, Types.INTEGER);
                s.setNull(8, Types.VARCHAR);
            } else {
                s.setInt(6, p.seasonYear());
                s.setInt(7, p.week());
                s.setString(8, p.seasonType().code());
            }
            s.setObject(9, e.runId());
            s.setTimestamp(10, e.slotDueAt() == null ? null : Timestamp.from(e.slotDueAt()));
            s.setString(11, Text.clean(e.message(), MAX_MESSAGE));
            return s.executeUpdate() == 1;
        }
    }

    /** Whether an alert of {@code subject} and one of {@code events} is recorded. */
    public boolean any(Connection c, String subject, String... events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + alerts + " WHERE subject = ? AND event = ANY (?)")) {
            s.setString(1, subject);
            s.setArray(2, c.createArrayOf("text", events));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Claims the next alert due for sending, in one transaction: one claimer at a time per schema (an
     * advisory lock held for the few statements), so the per-minute count is exact across senders.
     * Under the limit: the oldest due pending alert, leased to {@code sender}. At the limit: the fresh
     * pending alerts are folded into one digest alert (at most one a minute), which is claimed instead.
     *
     * @return the claimed alert, or null when there is nothing to send now
     */
    public AlertRecord claim(Connection c, String sender, int maxPerMinute, Duration lease) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                s.setString(1, lockKey);
                s.executeQuery().close();
            }
            AlertRecord claimed = underLimit(c, maxPerMinute) ? claimNext(c, sender, lease) : digest(c, sender, lease,
                    maxPerMinute);
            c.commit();
            return claimed;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Messages of the last minute (attempts made, and claims not yet attempted) below the limit. */
    private boolean underLimit(Connection c, int maxPerMinute) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT count(*) FROM " + attempts
                + " WHERE attempted_at > now() - interval '1 minute') + (SELECT count(*) FROM " + alerts
                + " WHERE state = 'pending' AND claimed_until > now())");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) < maxPerMinute;
        }
    }

    private AlertRecord claimNext(Connection c, String sender, Duration lease) throws SQLException {
        UUID id;
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM " + alerts + " WHERE state = 'pending'"
                + " AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until <= now())"
                + " ORDER BY next_attempt_at, detected_at LIMIT 1 FOR UPDATE SKIP LOCKED");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            id = rs.getObject(1, UUID.class);
        }
        return lease(c, id, sender, lease);
    }

    private AlertRecord digest(Connection c, String sender, Duration lease, int maxPerMinute) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + alerts + " WHERE event = '" + Events.DIGEST
                + "' AND detected_at > now() - interval '1 minute'"); ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                return null; // one digest a minute; the rest waits for the next minute
            }
        }
        String fresh = " WHERE state = 'pending' AND attempts = 0 AND event <> '" + Events.DIGEST
                + "' AND (claimed_until IS NULL OR claimed_until <= now())";
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT event, count(*) FROM " + alerts + fresh
                + " GROUP BY event ORDER BY count(*) DESC, event"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        UUID id = UUID.randomUUID();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder m = new StringBuilder().append(total).append(" more alert(s) beyond alerts.max-per-minute (")
                .append(maxPerMinute).append("), not sent one by one: ");
        counts.forEach((event, n) -> m.append(event).append(' ').append(n).append(", "));
        m.setLength(m.length() - 2);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + alerts + " (id, event, subject, message)"
                + " VALUES (?, '" + Events.DIGEST + "', ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, "digest:" + id);
            s.setString(3, Text.clean(m.toString(), MAX_MESSAGE));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE " + alerts + " SET state = 'digested', digest_id = ?"
                + fresh)) {
            s.setObject(1, id);
            s.executeUpdate();
        }
        return lease(c, id, sender, lease);
    }

    private AlertRecord lease(Connection c, UUID id, String sender, Duration lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + alerts + " SET claimed_by = ?,"
                + " claimed_until = now() + ? * interval '1 millisecond' WHERE id = ?")) {
            s.setString(1, sender);
            s.setLong(2, lease.toMillis());
            s.setObject(3, id);
            s.executeUpdate();
        }
        return one(c, id);
    }

    /**
     * Records one delivery attempt of a claimed alert and its outcome: delivered; or retried after
     * {@code retryDelay} x 2^(attempts so far); or, at {@code maxAttempts}, undeliverable.
     *
     * @return the alert's state after the attempt
     */
    public String recordAttempt(Connection c, UUID id, String sender, Integer httpStatus, String error,
            boolean delivered, int maxAttempts, Duration retryDelay) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            int made;
            try (PreparedStatement s = c.prepareStatement("SELECT attempts FROM " + alerts + " WHERE id = ? FOR UPDATE")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        c.commit();
                        return null; // deleted meanwhile
                    }
                    made = rs.getInt(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + attempts + " (alert_id, attempt, sender,"
                    + " http_status, error) VALUES (?, (SELECT coalesce(max(attempt), 0) + 1 FROM " + attempts
                    + " WHERE alert_id = ?), ?, ?, ?)")) {
                s.setObject(1, id);
                s.setObject(2, id);
                s.setString(3, sender);
                if (httpStatus == null) {
                    s.setNull(4, Types.INTEGER);
                } else {
                    s.setInt(4, httpStatus);
                }
                s.setString(5, error == null ? null : Text.clean(error, 500));
                s.executeUpdate();
            }
            String next = delivered ? AlertRecord.DELIVERED : made + 1 >= maxAttempts ? AlertRecord.UNDELIVERABLE
                    : AlertRecord.PENDING;
            long delayMillis = retryDelay.toMillis() << Math.min(made, 20);
            try (PreparedStatement s = c.prepareStatement("UPDATE " + alerts + " SET attempts = attempts + 1,"
                    + " state = ?, claimed_by = NULL, claimed_until = NULL,"
                    + " delivered_at = CASE WHEN ? THEN now() END,"
                    + " next_attempt_at = now() + ? * interval '1 millisecond' WHERE id = ?")) {
                s.setString(1, next);
                s.setBoolean(2, delivered);
                s.setLong(3, delayMillis);
                s.setObject(4, id);
                s.executeUpdate();
            }
            c.commit();
            return next;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The newest alerts, newest first, each with its last attempt's outcome. */
    public List<AlertRecord> recent(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", last.http_status, last.error FROM "
                + alerts + " a" + String.format(LAST_ATTEMPT, attempts) + " ORDER BY a.detected_at DESC, a.id LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<AlertRecord> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(record(rs));
                }
                return list;
            }
        }
    }

    private AlertRecord one(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", last.http_status, last.error FROM "
                + alerts + " a" + String.format(LAST_ATTEMPT, attempts) + " WHERE a.id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? record(rs) : null;
            }
        }
    }

    private static AlertRecord record(ResultSet rs) throws SQLException {
        String seasonType = rs.getString("season_type");
        Period period = seasonType == null ? null : new Period(rs.getInt("season_year"), rs.getInt("week"),
                SeasonType.fromCode(seasonType));
        Integer status = (Integer) rs.getObject("http_status");
        return new AlertRecord(rs.getObject("id", UUID.class), rs.getString("event"), rs.getString("subject"),
                rs.getString("batch_type"), rs.getString("batch_mode"), period, rs.getObject("run_id", UUID.class),
                instant(rs, "slot_due_at"), rs.getString("message"), instant(rs, "detected_at"), rs.getString("state"),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"), status,
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
