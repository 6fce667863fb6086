package io.batchtrack.alerts;

import io.batchtrack.alerts.internal.AlertTable;
import io.batchtrack.alerts.internal.AnomalyEvents;
import io.batchtrack.alerts.internal.Bodies;
import io.batchtrack.alerts.internal.ReadinessEvents;
import io.batchtrack.alerts.internal.RunEvents;
import io.batchtrack.alerts.internal.ScheduleEvents;
import io.batchtrack.alerts.internal.Webhook;
import io.batchtrack.internal.Host;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchtrackSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Alerts of one database: {@link #detect} records what the event sources find, once per event and
 * subject; {@link #deliver} claims and sends what is due. Any number of processes may do both at
 * once against one database: the unique key makes detection idempotent, and a claim (a transaction
 * with a lease of {@link AlertSettings#lease()}) gives each alert to one sender at a time. A sender
 * that dies mid-delivery loses its lease and another sends the alert again with the same
 * {@code Idempotency-Key}, so a receiver that honours the key shows it once.
 *
 * <pre>{@code
 * Alerts alerts = Alerts.create(dataSource, "public", AlertSettings.from(config), Clock.systemUTC());
 * alerts.detect();
 * alerts.deliver();
 * }</pre>
 *
 * Thread-safe; each call takes one connection at a time from the data source.
 */
public final class Alerts {
    /** Claims per {@link #deliver} call at most, so that one call ends even if alerts keep coming. */
    static final int MAX_PER_DELIVERY = 10_000;

    private final DataSource dataSource;
    private final String schema;
    private final AlertSettings settings;
    private final Clock clock;
    private final AlertTable table;
    private final List<EventSource> sources;
    private final Webhook webhook; // null: no channel
    private final String sender;
    private final Instant enabledAt; // recorded as since when the database has none yet

    private Alerts(DataSource dataSource, String schema, AlertSettings settings, Clock clock, List<EventSource> sources,
            Webhook webhook, String sender, Instant enabledAt) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.settings = settings;
        this.clock = clock;
        this.table = new AlertTable("\"" + schema + "\"");
        this.sources = List.copyOf(sources);
        this.webhook = webhook;
        this.sender = sender;
        this.enabledAt = enabledAt;
    }

    /**
     * Alerts with the built-in sources (runs, expected schedules, readiness deadlines, anomalies). The
     * schema must be migrated.
     *
     * @throws IllegalArgumentException if the schema name breaks {@link BatchtrackSchema#SCHEMA_RULE}
     */
    public static Alerts create(DataSource dataSource, String schema, AlertSettings settings, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        BatchtrackSchema.requireValidName(schema);
        Webhook webhook = settings.webhook().map(u -> new Webhook(u, settings.timeout())).orElse(null);
        String sender = Host.id() + "/" + UUID.randomUUID().toString().substring(0, 8);
        List<EventSource> sources = List.of(new RunEvents(), new ScheduleEvents(), new ReadinessEvents(),
                new AnomalyEvents(settings.anomalyFactor()));
        return new Alerts(dataSource, schema, settings, clock, sources, webhook, sender, clock.instant());
    }

    /** The same alerts with one more source of events, for example an application's own. */
    public Alerts withSource(EventSource source) {
        List<EventSource> more = new ArrayList<>(sources);
        more.add(Objects.requireNonNull(source, "source"));
        return new Alerts(dataSource, schema, settings, clock, more, webhook, sender, enabledAt);
    }

    /**
     * The same alerts, enabled since {@code at} rather than since their creation: what a first
     * {@link #since()} records on a database that has no record yet. A status server whose database
     * answers only after its first runs passes the moment it started, so those runs are not history.
     */
    public Alerts enabledAt(Instant at) {
        return new Alerts(dataSource, schema, settings, clock, sources, webhook, sender, Objects.requireNonNull(at, "at"));
    }

    public AlertSettings settings() {
        return settings;
    }

    /** Who claims alerts: {@code pid@host/xxxxxxxx}, in {@code batch_alert_attempts.sender}. */
    public String sender() {
        return sender;
    }

    /**
     * {@code alerts.since}, else the database's record of when alerts were first enabled (recorded as
     * {@link #enabledAt} if none: the creation of these alerts, unless told otherwise).
     */
    public Instant since() {
        if (settings.since().isPresent()) {
            return settings.since().get();
        }
        return withConnection(c -> table.since(c, enabledAt));
    }

    /**
     * Runs every source once and records what is new; a source that fails is logged and the others run.
     *
     * @return how many alerts were recorded by this call
     */
    public int detect() {
        EventSource.Scan scan = new EventSource.Scan(dataSource, schema, since(), clock,
                (subject, events) -> withConnection(c -> table.any(c, subject, events)));
        int recorded = 0;
        for (EventSource source : sources) {
            List<AlertEvent> events;
            try {
                events = source.detect(scan);
            } catch (RuntimeException e) {
                Log.warnOnce("alerts-source-" + source.getClass().getName(), "batchtrack alerts: the event source "
                        + source.getClass().getSimpleName() + " failed; the other sources ran", e);
                continue;
            }
            for (AlertEvent event : events) {
                if (settings.events().contains(event.event()) && withConnection(c -> table.insert(c, event))) {
                    recorded++;
                }
            }
        }
        return recorded;
    }

    /**
     * What one {@link #deliver} call did.
     *
     * @param delivered alerts the receiver took (2xx)
     * @param retrying alerts whose attempt failed and that will be retried
     * @param undeliverable alerts whose last allowed attempt failed
     */
    public record Delivery(int delivered, int retrying, int undeliverable) {}

    /**
     * Claims and sends every alert due now, within {@code alerts.max-per-minute} (then one digest).
     *
     * @throws IllegalStateException if no channel is configured, or the database fails
     */
    public Delivery deliver() {
        Webhook channel = requireChannel();
        int delivered = 0;
        int retrying = 0;
        int undeliverable = 0;
        for (int i = 0; i < MAX_PER_DELIVERY; i++) {
            AlertRecord alert = withConnection(c -> table.claim(c, sender, settings.maxPerMinute(), settings.lease()));
            if (alert == null) {
                break;
            }
            Webhook.Answer answer;
            try {
                answer = channel.post(alert.id().toString(), Bodies.of(settings.format(), alert,
                        settings.publicUrl().orElse(null)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the lease ends; another sender takes the alert
                break;
            }
            String error = answer.delivered() ? null : answer.status() == null ? answer.body()
                    : "HTTP " + answer.status() + (answer.body().isBlank() ? "" : ": " + answer.body());
            String state = withConnection(c -> table.recordAttempt(c, alert.id(), sender, answer.status(), error,
                    answer.delivered(), settings.maxAttempts(), settings.retryDelay()));
            if (AlertRecord.DELIVERED.equals(state)) {
                delivered++;
            } else if (AlertRecord.UNDELIVERABLE.equals(state)) {
                undeliverable++;
                Log.warn("batchtrack alert " + alert.event() + " " + alert.id() + " (" + alert.subject() + ") is"
                        + " undeliverable after " + (alert.attempts() + 1) + " attempt(s); the last: " + error);
            } else {
                retrying++;
                Log.warnOnce("alerts-retry", "batchtrack could not deliver alert " + alert.event() + " " + alert.id()
                        + " (attempt " + (alert.attempts() + 1) + " of " + settings.maxAttempts() + ": " + error
                        + "); it is retried with backoff", null);
            }
        }
        return new Delivery(delivered, retrying, undeliverable);
    }

    /**
     * What the receiver answered to a test message ({@code batchtrack alerts --test}).
     *
     * @param status the HTTP status, or null when there was no answer
     * @param body the start of its body, or why there was no answer
     */
    public record TestAnswer(Integer status, String body) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Sends one test message (not recorded) and returns the answer. @throws IllegalStateException without a channel */
    public TestAnswer sendTest() throws InterruptedException {
        Webhook channel = requireChannel();
        AlertRecord test = new AlertRecord(UUID.randomUUID(), Events.TEST, "test", null, null, null, null, null,
                "batchtrack test message from " + Host.id() + ": alerts reach this channel", clock.instant(),
                AlertRecord.PENDING, 0, null, null, null, null);
        Webhook.Answer answer = channel.post(test.id().toString(), Bodies.of(settings.format(), test,
                settings.publicUrl().orElse(null)));
        return new TestAnswer(answer.status(), answer.body());
    }

    /** The newest alerts with their delivery state, newest first. */
    public List<AlertRecord> recent(int limit) {
        return recent(dataSource, schema, limit);
    }

    /** The newest alerts of a migrated schema, newest first (the status page's list). */
    public static List<AlertRecord> recent(DataSource dataSource, String schema, int limit) {
        AlertTable table = new AlertTable("\"" + BatchtrackSchema.requireValidName(schema) + "\"");
        try (Connection c = dataSource.getConnection()) {
            return table.recent(c, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read batch_alerts: " + e.getMessage(), e);
        }
    }

    private Webhook requireChannel() {
        if (webhook == null) {
            throw new IllegalStateException("no alert channel is configured: set the environment variable "
                    + "BATCHTRACK_ALERTS_WEBHOOK_URL or alerts.webhook.url-file");
        }
        return webhook;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not use batch_alerts: " + e.getMessage(), e);
        }
    }
}
