package io.batchtrack.config;

import io.batchtrack.Trigger;
import io.batchtrack.internal.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The engine's settings: the one place where the engine's configuration keys are read, defaulted
 * and checked ({@code on-store-failure}, {@code trigger}, {@code max-warnings},
 * {@code max-message-length}, {@code max-custom-metrics}, {@code heartbeat-interval},
 * {@code stale-limit}, {@code exclusive.types}, {@code on-conflict}, {@code spool.dir},
 * {@code spool.max-mb}, {@code spool.exit-timeout}, {@code max-duration}, {@code max-duration.types}).
 * Immutable. {@link #from(TrackerConfig)} reads them from configuration;
 * {@link #builder()} is what {@code BatchTracking.builder()} sets them through, with the same
 * defaults and the same rules.
 *
 * <p>A new engine key: a field, its default, a line in {@link #from} and a setter in
 * {@link Builder}; then README's configuration table. The file is longer than most for that
 * reason: each key has its constant, its reader, its check, its getter and its setter here, and
 * keeping them side by side is the point. Only a value with rules of its own beyond a number or a
 * duration is parsed elsewhere ({@code MaxDurationKeys}: the max-duration limits); splitting the rest
 * by concern (spool, heartbeat) would scatter one key's five parts over two files for no reader's gain.
 */
public final class EngineSettings {
    public static final int DEFAULT_MAX_WARNINGS = 1_000;
    /** The default of {@code max-message-length}: the text limit of a warning's message. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 2_000;
    public static final int DEFAULT_MAX_CUSTOM_METRICS = 100;
    /** The heartbeat interval unless {@code heartbeat-interval} says otherwise. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
    /** The stale limit of runs that carry none: three default heartbeat intervals. */
    public static final Duration DEFAULT_STALE_LIMIT = defaultStaleLimit(DEFAULT_HEARTBEAT_INTERVAL);
    /** The spool's size limit unless {@code spool.max-mb} says otherwise. */
    public static final int DEFAULT_SPOOL_MAX_MB = 64;
    /** How long closing an engine (or the JVM's exit) may spend handing spooled records over, unless {@code spool.exit-timeout} says otherwise. */
    public static final Duration DEFAULT_SPOOL_EXIT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_SPOOL_EXIT_TIMEOUT = Duration.ofMinutes(10);

    static final int MIN_MESSAGE_LENGTH = 80;
    static final Duration MIN_HEARTBEAT_INTERVAL = Duration.ofMillis(100);
    static final Duration MAX_HEARTBEAT_INTERVAL = Duration.ofHours(1);

    private final StoreFailurePolicy onStoreFailure;
    private final Trigger trigger;
    private final int maxWarnings;
    private final int maxMessageLength;
    private final int maxCustomMetrics;
    private final Duration heartbeatInterval;
    private final Duration staleLimit;
    private final Set<String> exclusiveTypes;
    private final ConflictPolicy onConflict;
    private final Path spoolDirectory;
    private final long spoolMaxBytes;
    private final Duration spoolExitTimeout;
    private final Duration maxDuration; // null: no limit
    private final Map<String, Duration> maxDurationTypes;

    private EngineSettings(Builder b) {
        this.onStoreFailure = b.onStoreFailure;
        this.trigger = b.trigger != null ? b.trigger : trigger(TrackerConfig.fromEnvironment());
        this.maxWarnings = b.maxWarnings;
        this.maxMessageLength = b.maxMessageLength;
        this.maxCustomMetrics = b.maxCustomMetrics;
        this.heartbeatInterval = b.heartbeatInterval;
        this.staleLimit = b.staleLimit != null ? b.staleLimit : defaultStaleLimit(b.heartbeatInterval);
        requireStaleLimitLonger(heartbeatInterval, staleLimit);
        this.exclusiveTypes = Set.copyOf(b.exclusiveTypes);
        this.onConflict = b.onConflict;
        this.spoolDirectory = b.spoolDirectory;
        this.spoolMaxBytes = b.spoolMaxBytes;
        this.spoolExitTimeout = b.spoolExitTimeout;
        this.maxDuration = b.maxDuration;
        this.maxDurationTypes = Map.copyOf(b.maxDurationTypes);
    }

    /** Settings with every default; the trigger from this process's {@code trigger} key, else the CI rule. */
    public static EngineSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.onStoreFailure = onStoreFailure;
        b.trigger = trigger;
        b.maxWarnings = maxWarnings;
        b.maxMessageLength = maxMessageLength;
        b.maxCustomMetrics = maxCustomMetrics;
        b.heartbeatInterval = heartbeatInterval;
        b.staleLimit = staleLimit;
        b.exclusiveTypes = exclusiveTypes;
        b.onConflict = onConflict;
        b.spoolDirectory = spoolDirectory;
        b.spoolMaxBytes = spoolMaxBytes;
        b.spoolExitTimeout = spoolExitTimeout;
        b.maxDuration = maxDuration;
        b.maxDurationTypes = maxDurationTypes;
        return b;
    }

    /**
     * The engine's keys of {@code config}, checked (an unreadable configuration file is reported
     * first).
     *
     * @throws ConfigException naming the first key whose value cannot be used
     */
    public static EngineSettings from(TrackerConfig config) {
        Builder b = builder().policy(onStoreFailure(config));
        config.requireReadableFile();
        b.trigger = trigger(config);
        b.maxWarnings = config.getInt("max-warnings", DEFAULT_MAX_WARNINGS, 0, 1_000_000);
        b.maxMessageLength = config.getInt("max-message-length", DEFAULT_MAX_MESSAGE_LENGTH, MIN_MESSAGE_LENGTH,
                1_000_000);
        b.maxCustomMetrics = config.getInt("max-custom-metrics", DEFAULT_MAX_CUSTOM_METRICS, 0, 10_000);
        b.heartbeatInterval = heartbeatInterval(config);
        b.staleLimit = staleLimit(config);
        b.exclusiveTypes = exclusiveTypes(config.get("exclusive.types", ""));
        String onConflict = config.get("on-conflict").orElse(null);
        b.onConflict = onConflict == null ? ConflictPolicy.FAIL : ConflictPolicy.parse(onConflict);
        b.spoolDirectory = spoolDirectory(config.get("spool.dir").orElse(null));
        b.spoolMaxMegabytes(config.getInt("spool.max-mb", DEFAULT_SPOOL_MAX_MB, 1, 100_000));
        b.spoolExitTimeout = config.getDuration("spool.exit-timeout", DEFAULT_SPOOL_EXIT_TIMEOUT, Duration.ZERO,
                MAX_SPOOL_EXIT_TIMEOUT);
        b.maxDuration = MaxDurationKeys.limit(config.get("max-duration").orElse(null));
        b.maxDurationTypes = MaxDurationKeys.typeLimits(config.get("max-duration.types", ""));
        return b.build();
    }

    /**
     * {@code on-store-failure}, {@code continue} unless set. Read on its own too, because it decides
     * what an engine whose other keys are unusable does.
     *
     * @throws ConfigException if the value is neither {@code continue} nor {@code fail}
     */
    public static StoreFailurePolicy onStoreFailure(TrackerConfig config) {
        String value = config.get("on-store-failure").orElse(null); // no lambda: read on the first tracked call
        return value == null ? StoreFailurePolicy.CONTINUE : StoreFailurePolicy.parse(value);
    }

    /**
     * {@code heartbeat-interval}: 30 s unless set, 100 ms to 1 h.
     *
     * @throws ConfigException if the value cannot be read or is out of range
     */
    public static Duration heartbeatInterval(TrackerConfig config) {
        return config.getDuration("heartbeat-interval", DEFAULT_HEARTBEAT_INTERVAL, MIN_HEARTBEAT_INTERVAL,
                MAX_HEARTBEAT_INTERVAL);
    }

    /**
     * {@code stale-limit}: three heartbeat intervals unless set, and longer than one. Read on its own
     * too, by the stores and tools that mark silent runs abandoned.
     *
     * @throws ConfigException naming {@code heartbeat-interval} or {@code stale-limit}
     */
    public static Duration staleLimit(TrackerConfig config) {
        Duration interval = heartbeatInterval(config);
        Duration limit = config.getDuration("stale-limit", defaultStaleLimit(interval), MIN_HEARTBEAT_INTERVAL,
                MAX_HEARTBEAT_INTERVAL.multipliedBy(10));
        try {
            requireStaleLimitLonger(interval, limit);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("stale-limit", e.getMessage());
        }
        return limit;
    }

    /** Three heartbeat intervals: long enough that one late heartbeat never makes a live run look dead. */
    public static Duration defaultStaleLimit(Duration heartbeatInterval) {
        return heartbeatInterval.multipliedBy(3);
    }

    private static void requireStaleLimitLonger(Duration interval, Duration limit) {
        if (limit.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("stale limit " + limit + " must be longer than the heartbeat"
                    + " interval " + interval + ", or live runs would be taken for dead");
        }
    }

    /** {@code trigger}, else the seed's rule ({@link Trigger#detect()}). */
    private static Trigger trigger(TrackerConfig config) {
        String value = config.get("trigger").orElse(null);
        if (value == null) {
            return Trigger.detect();
        }
        try {
            return Trigger.of(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("trigger", e.getMessage());
        }
    }

    private static Set<String> exclusiveTypes(String commaSeparated) {
        Set<String> types = new TreeSet<>();
        for (String t : commaSeparated.split(",")) {
            if (!t.isBlank()) {
                try {
                    types.add(Names.requireName("batch type", t.trim()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("exclusive.types", e.getMessage());
                }
            }
        }
        return types;
    }

    /** {@code spool.dir}: default {@link #defaultSpoolDirectory()}; {@code none} turns spooling off. */
    private static Path spoolDirectory(String dir) {
        if (dir == null) {
            return defaultSpoolDirectory();
        }
        if (dir.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Path.of(dir);
        } catch (RuntimeException e) {
            throw new ConfigException("spool.dir", "'" + dir + "' is not a path");
        }
    }

    /** {@code ~/.batchtrack/spool}: survives a reboot, unlike the temporary directory. */
    public static Path defaultSpoolDirectory() {
        return Path.of(System.getProperty("user.home", "."), ".batchtrack", "spool");
    }

    /** {@code on-store-failure}: what a batch does when its run cannot be recorded. */
    public StoreFailurePolicy onStoreFailure() {
        return onStoreFailure;
    }

    /** {@code trigger}: what runs record in {@code triggered_by} unless their spec says otherwise. */
    public Trigger trigger() {
        return trigger;
    }

    /** {@code max-warnings}: warnings kept per run; later ones are counted in {@code warnings_dropped}. */
    public int maxWarnings() {
        return maxWarnings;
    }

    /** {@code max-message-length}: longer warning messages are truncated and marked. */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /** {@code max-custom-metrics}: distinct custom metric names per run. */
    public int maxCustomMetrics() {
        return maxCustomMetrics;
    }

    /** {@code heartbeat-interval}: how often an open run writes its heartbeat and counters. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** {@code stale-limit}: how long a run may go without a heartbeat before it is taken for dead. */
    public Duration staleLimit() {
        return staleLimit;
    }

    /** {@code exclusive.types}: batch types whose runs are exclusive even when their spec does not say so. */
    public Set<String> exclusiveTypes() {
        return exclusiveTypes;
    }

    /** {@code on-conflict}: what an exclusive run that loses does. */
    public ConflictPolicy onConflict() {
        return onConflict;
    }

    /** {@code spool.dir}: where records wait while the store's database is unreachable; null: no spool. */
    public Path spoolDirectory() {
        return spoolDirectory;
    }

    /** {@code spool.max-mb}, in bytes: the limit of the spool directory, every process's files together. */
    public long spoolMaxBytes() {
        return spoolMaxBytes;
    }

    /**
     * {@code spool.exit-timeout}: how long closing the engine, or the JVM's exit, may spend handing
     * spooled records to the store; zero: none is tried.
     */
    public Duration spoolExitTimeout() {
        return spoolExitTimeout;
    }

    /** {@code max-duration}: how long any run may stay running before it is ended timed out; empty: no limit. */
    public java.util.Optional<Duration> maxDuration() {
        return java.util.Optional.ofNullable(maxDuration);
    }

    /** {@code max-duration.types}: the limits of single batch types, which win over {@code max-duration}. */
    public Map<String, Duration> maxDurationTypes() {
        return maxDurationTypes;
    }

    /** The longest a run of {@code batchType} may stay running: its type's limit, else the global one; null: none. */
    public Duration maxDurationOf(String batchType) {
        Duration own = maxDurationTypes.get(batchType);
        return own != null ? own : maxDuration;
    }

    @Override
    public String toString() {
        return "on-store-failure=" + onStoreFailure.name().toLowerCase(java.util.Locale.ROOT) + ", heartbeat-interval="
                + heartbeatInterval + ", stale-limit=" + staleLimit + ", on-conflict="
                + onConflict.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Sets engine settings one by one; each setter checks its value, {@link #build()} the rules between them. */
    public static final class Builder {
        private StoreFailurePolicy onStoreFailure = StoreFailurePolicy.CONTINUE;
        private Trigger trigger; // null: this process's trigger key, else Trigger.detect(), when built
        private int maxWarnings = DEFAULT_MAX_WARNINGS;
        private int maxMessageLength = DEFAULT_MAX_MESSAGE_LENGTH;
        private int maxCustomMetrics = DEFAULT_MAX_CUSTOM_METRICS;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration staleLimit; // null: three intervals
        private Set<String> exclusiveTypes = Set.of();
        private ConflictPolicy onConflict = ConflictPolicy.FAIL;
        private Path spoolDirectory = defaultSpoolDirectory();
        private long spoolMaxBytes = DEFAULT_SPOOL_MAX_MB * 1024L * 1024L;
        private Duration spoolExitTimeout = DEFAULT_SPOOL_EXIT_TIMEOUT;
        private Duration maxDuration; // null: no limit
        private Map<String, Duration> maxDurationTypes = Map.of();

        private Builder() {}

        public Builder policy(StoreFailurePolicy policy) {
            this.onStoreFailure = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder trigger(Trigger trigger) {
            this.trigger = Objects.requireNonNull(trigger, "trigger");
            return this;
        }

        public Builder maxWarnings(int max) {
            this.maxWarnings = requireNonNegative("max warnings", max);
            return this;
        }

        public Builder maxMessageLength(int max) {
            if (max < MIN_MESSAGE_LENGTH) {
                throw new IllegalArgumentException("max message length " + max + " is below " + MIN_MESSAGE_LENGTH);
            }
            this.maxMessageLength = max;
            return this;
        }

        public Builder maxCustomMetrics(int max) {
            this.maxCustomMetrics = requireNonNegative("max custom metrics", max);
            return this;
        }

        public Builder heartbeatInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(MIN_HEARTBEAT_INTERVAL) < 0) {
                throw new IllegalArgumentException("heartbeat interval " + interval + " is below 100 ms");
            }
            this.heartbeatInterval = interval;
            return this;
        }

        public Builder staleLimit(Duration limit) {
            this.staleLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        public Builder exclusiveTypes(Collection<String> batchTypes) {
            Set<String> types = new TreeSet<>();
            for (String t : batchTypes) {
                types.add(Names.requireName("batch type", t));
            }
            this.exclusiveTypes = types;
            return this;
        }

        public Builder onConflict(ConflictPolicy policy) {
            this.onConflict = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Null turns spooling off. */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = directory;
            return this;
        }

        public Builder spoolMaxMegabytes(int megabytes) {
            if (megabytes < 1) {
                throw new IllegalArgumentException("spool size " + megabytes + " MB is below 1 MB");
            }
            this.spoolMaxBytes = megabytes * 1024L * 1024L;
            return this;
        }

        public Builder spoolExitTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.compareTo(MAX_SPOOL_EXIT_TIMEOUT) > 0) {
                throw new IllegalArgumentException("spool exit timeout " + timeout + " is outside 0.."
                        + MAX_SPOOL_EXIT_TIMEOUT);
            }
            this.spoolExitTimeout = timeout;
            return this;
        }

        /** The longest any run may stay running before it is ended timed out; null: no limit. */
        public Builder maxDuration(Duration limit) {
            this.maxDuration = limit == null ? null : requirePositive("max duration", limit);
            return this;
        }

        /** The longest runs of single batch types may stay running; these win over {@link #maxDuration}. */
        public Builder maxDurationTypes(Map<String, Duration> limits) {
            Map<String, Duration> checked = new TreeMap<>();
            limits.forEach((type, limit) -> checked.put(Names.requireName("batch type", type),
                    requirePositive("max duration of " + type, Objects.requireNonNull(limit, "limit"))));
            this.maxDurationTypes = checked;
            return this;
        }

        private static Duration requirePositive(String what, Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " " + d + " is not positive");
            }
            return d;
        }

        /** @throws IllegalArgumentException if the stale limit is not longer than the heartbeat interval */
        public EngineSettings build() {
            return new EngineSettings(this);
        }

        private static int requireNonNegative(String what, int n) {
            if (n < 0) {
                throw new IllegalArgumentException(what + " " + n + " is negative");
            }
            return n;
        }
    }
}
