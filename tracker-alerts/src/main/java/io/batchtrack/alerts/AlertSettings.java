package io.batchtrack.alerts;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.schedule.RunFlags;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The alert keys, read, defaulted and checked in one place. The webhook URL is a secret (it carries
 * the credential of a Slack incoming webhook): only the environment variable
 * {@code BATCHTRACK_ALERTS_WEBHOOK_URL} or the file named by {@code alerts.webhook.url-file}, and it
 * is never part of a message or of {@link #toString()}. Immutable.
 */
public final class AlertSettings {
    /** {@code alerts.webhook.format}. */
    public enum Format { JSON, SLACK }

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    /** The first retry's delay; each further one doubles it: 8 attempts span about an hour. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_PER_MINUTE = 20;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI webhook; // null: no channel
    private final Format format;
    private final Set<String> events;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final int maxPerMinute;
    private final Duration timeout;
    private final Instant since; // null: recorded in the database on first use
    private final Duration interval;
    private final URI publicUrl; // null: no links
    private final double anomalyFactor;

    private AlertSettings(URI webhook, Format format, Set<String> events, int maxAttempts, Duration retryDelay,
            int maxPerMinute, Duration timeout, Instant since, Duration interval, URI publicUrl, double anomalyFactor) {
        this.webhook = webhook;
        this.format = format;
        this.events = events;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.maxPerMinute = maxPerMinute;
        this.timeout = timeout;
        this.since = since;
        this.interval = interval;
        this.publicUrl = publicUrl;
        this.anomalyFactor = anomalyFactor;
    }

    /**
     * Reads {@code alerts.webhook.url} (secret), {@code alerts.webhook.format} ({@code json} | {@code slack}),
     * {@code alerts.events} ({@code all}), {@code alerts.max-attempts} (8), {@code alerts.retry-delay} (30s),
     * {@code alerts.max-per-minute} (20), {@code alerts.timeout} (10s), {@code alerts.since} (an ISO-8601
     * instant; default: when alerts were first enabled on the database), {@code watch.interval} (30s)
     * {@code status.public-url} and {@code anomaly.factor} (read as the status page reads it, {@link RunFlags#factor}).
     *
     * @throws ConfigException naming the key and the rule (never the webhook URL)
     */
    public static AlertSettings from(TrackerConfig config) {
        Objects.requireNonNull(config, "config");
        URI webhook = config.secret("alerts.webhook.url").map(AlertSettings::webhook).orElse(null);
        String f = config.get("alerts.webhook.format", "json").toLowerCase(Locale.ROOT);
        Format format;
        switch (f) {
            case "json": format = Format.JSON; break;
            case "slack": format = Format.SLACK; break;
            default: throw new ConfigException("alerts.webhook.format", "'" + f + "' is not json or slack");
        }
        Set<String> events = Events.parse("alerts.events", config.get("alerts.events", "all"));
        int maxAttempts = config.getInt("alerts.max-attempts", DEFAULT_MAX_ATTEMPTS, 1, 100);
        Duration retryDelay = config.getDuration("alerts.retry-delay", DEFAULT_RETRY_DELAY, Duration.ofMillis(10),
                Duration.ofHours(6));
        int maxPerMinute = config.getInt("alerts.max-per-minute", DEFAULT_MAX_PER_MINUTE, 1, 10_000);
        Duration timeout = config.getDuration("alerts.timeout", DEFAULT_TIMEOUT, Duration.ofMillis(100),
                Duration.ofMinutes(5));
        Instant since = config.get("alerts.since").map(AlertSettings::instant).orElse(null);
        Duration interval = config.getDuration("watch.interval", DEFAULT_INTERVAL, Duration.ofMillis(50),
                Duration.ofDays(1));
        URI publicUrl = config.get("status.public-url").map(AlertSettings::publicUrl).orElse(null);
        return new AlertSettings(webhook, format, events, maxAttempts, retryDelay, maxPerMinute, timeout, since,
                interval, publicUrl, RunFlags.factor(config));
    }

    private static URI webhook(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        // the value is a secret: the message names the rule, not the value
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new ConfigException("alerts.webhook.url", "is not an http(s) URL with a host (the value is a"
                    + " secret and not shown); for example https://hooks.slack.com/services/...");
        }
        return uri;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigException("alerts.since", "'" + value + "' is not an ISO-8601 instant such as"
                    + " 2026-09-01T00:00:00Z");
        }
    }

    private static URI publicUrl(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new ConfigException("status.public-url", "'" + value + "' is not an http(s) URL such as"
                + " https://batchtrack.example.com");
    }

    /** Whether a channel is configured, so that alerts can be sent. */
    public boolean enabled() {
        return webhook != null;
    }

    /** The webhook; empty without a channel. Never print it. */
    public Optional<URI> webhook() {
        return Optional.ofNullable(webhook);
    }

    public Format format() {
        return format;
    }

    public Set<String> events() {
        return events;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration retryDelay() {
        return retryDelay;
    }

    public int maxPerMinute() {
        return maxPerMinute;
    }

    public Duration timeout() {
        return timeout;
    }

    /** {@code alerts.since}, or empty: the database's record of when alerts were first enabled. */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    public Duration interval() {
        return interval;
    }

    public Optional<URI> publicUrl() {
        return Optional.ofNullable(publicUrl);
    }

    /** {@code anomaly.factor}: {@code k} of {@code run.anomaly}, the same as the page's anomaly marks. */
    public double anomalyFactor() {
        return anomalyFactor;
    }

    /** How long a sender's claim of an alert holds: twice the request timeout, then another sender may take it. */
    public Duration lease() {
        return timeout.multipliedBy(2);
    }

    @Override
    public String toString() {
        return "AlertSettings[webhook=" + (webhook == null ? "none" : "set") + ", format="
                + format.name().toLowerCase(Locale.ROOT) + ", events=" + events.size() + ", max-attempts=" + maxAttempts
                + ", retry-delay=" + retryDelay + ", max-per-minute=" + maxPerMinute + ", interval=" + interval + "]";
    }
}
