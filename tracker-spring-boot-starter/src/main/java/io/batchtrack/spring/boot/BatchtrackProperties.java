package io.batchtrack.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code batchtrack.*} keys of README's configuration table, bound from {@code application.yml}
 * or properties, so that the configuration processor writes {@code spring-configuration-metadata.json}
 * (IDE completion). Values keep the table's meanings and syntax: durations are the table's strings
 * ({@code 30s}, {@code PT30S}, {@code none}) and are checked by the engine's own rules, whose
 * messages name the key. Secrets are not properties: the database password and the status token
 * come from the environment or their {@code -file} keys, as everywhere else.
 *
 * <p>Keys the table has and this class does not spell out (readiness SQL, {@code max-duration.types},
 * alerts, the agent's keys) are still read: the engine's configuration is every {@code batchtrack.*}
 * entry of Spring's environment ({@link SpringTrackerConfig}).
 *
 * <p>These fields only describe the keys (metadata) and are bound leniently ({@code ignoreInvalidFields}):
 * a value Spring cannot convert ({@code max-warnings=lots}) must not stop the start by itself, since
 * the engine's rules decide, with {@code on-store-failure}, whether a bad value stops the start or
 * leaves the application untracked ({@link SpringEngine}).
 */
@ConfigurationProperties(prefix = "batchtrack", ignoreInvalidFields = true)
public class BatchtrackProperties {
    /** false: the starter builds no engine and adds no advisor. */
    private boolean enabled = true;
    /** jdbc (PostgreSQL), log (one JSON line per run on stderr) or none. */
    private String store;
    /** continue: a store problem is logged and the application runs untracked; fail: it refuses to start. */
    private String onStoreFailure;
    /** Recorded in triggered_by; default github_actions if CI is set, else manual. */
    private String trigger;
    /** Schema of batchtrack's tables, [a-z_][a-z0-9_]{0,62}; created if missing. */
    private String schema;
    /** Apply batchtrack's migrations (their own Flyway history table) at start; false only checks the version. */
    private Boolean migrateOnStart;
    /** Warnings kept per run. */
    private Integer maxWarnings;
    /** Longer warning messages are truncated and marked. */
    private Integer maxMessageLength;
    /** Distinct custom metric names per run. */
    private Integer maxCustomMetrics;
    /** How often a running run writes its heartbeat (30s, 1500ms, 2m, PT30S). */
    private String heartbeatInterval;
    /** A running run silent this long is marked abandoned; default 3 x heartbeat-interval. */
    private String staleLimit;
    /** The longest a run may stay running (2h, PT2H, none). */
    private String maxDuration;
    /** fail or skip: what an exclusive run that finds one running does. */
    private String onConflict;
    /** A properties file of further keys (without the batchtrack. prefix). */
    private String configFile;
    private final Jdbc jdbc = new Jdbc();
    private final Spool spool = new Spool();
    private final Exclusive exclusive = new Exclusive();
    private final Status status = new Status();

    /** batchtrack's own pool; unset: the application's DataSource. */
    public static class Jdbc {
        /** jdbc:postgresql://host:5432/db, without a password; set: batchtrack opens its own pool. */
        private String url;
        /** Database user of batchtrack's own pool. */
        private String user;
        /** A file whose first line is the password (else the environment variable BATCHTRACK_JDBC_PASSWORD). */
        private String passwordFile;
        /** Connections of batchtrack's own pool (1-100). */
        private Integer poolSize;
        /** Longest wait for a connection of batchtrack's own pool. */
        private Integer connectionTimeoutMs;

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getUser() { return user; }
        public void setUser(String user) { this.user = user; }
        public String getPasswordFile() { return passwordFile; }
        public void setPasswordFile(String passwordFile) { this.passwordFile = passwordFile; }
        public Integer getPoolSize() { return poolSize; }
        public void setPoolSize(Integer poolSize) { this.poolSize = poolSize; }
        public Integer getConnectionTimeoutMs() { return connectionTimeoutMs; }
        public void setConnectionTimeoutMs(Integer connectionTimeoutMs) { this.connectionTimeoutMs = connectionTimeoutMs; }
    }

    /** Where runs wait while the database is unreachable. */
    public static class Spool {
        /** The spool directory; none: no spool. */
        private String dir;
        /** Size limit of the spool directory in MiB. */
        private Integer maxMb;
        /** How long closing may spend handing spooled records to the store. */
        private String exitTimeout;

        public String getDir() { return dir; }
        public void setDir(String dir) { this.dir = dir; }
        public Integer getMaxMb() { return maxMb; }
        public void setMaxMb(Integer maxMb) { this.maxMb = maxMb; }
        public String getExitTimeout() { return exitTimeout; }
        public void setExitTimeout(String exitTimeout) { this.exitTimeout = exitTimeout; }
    }

    /** Exclusive batch types. */
    public static class Exclusive {
        /** Comma-separated batch types whose runs are exclusive. */
        private String types;

        public String getTypes() { return types; }
        public void setTypes(String types) { this.types = types; }
    }

    /** The System Status page and the endpoints in the application's web server. */
    public static class Status {
        /** Where they are served (/batchtrack, /ops/batches); none: not served. */
        private String path = "/batchtrack";
        /** A file whose first line is the bearer token, when Spring Security does not guard the page. */
        private String tokenFile;
        /** Comma-separated host names answered without a token besides the loopback ones. */
        private String allowedHosts;
        /** The most a response body holds, in KiB (16-1048576). */
        private Integer maxResponseKb;
        /** Link template from a run to its trace, with {trace_id}. */
        private String traceUrl;

        public String getPath() { return path; }
        public void setPath(String path) { this.path = path; }
        public String getTokenFile() { return tokenFile; }
        public void setTokenFile(String tokenFile) { this.tokenFile = tokenFile; }
        public String getAllowedHosts() { return allowedHosts; }
        public void setAllowedHosts(String allowedHosts) { this.allowedHosts = allowedHosts; }
        public Integer getMaxResponseKb() { return maxResponseKb; }
        public void setMaxResponseKb(Integer maxResponseKb) { this.maxResponseKb = maxResponseKb; }
        public String getTraceUrl() { return traceUrl; }
        public void setTraceUrl(String traceUrl) { this.traceUrl = traceUrl; }
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getStore() { return store; }
    public void setStore(String store) { this.store = store; }
    public String getOnStoreFailure() { return onStoreFailure; }
    public void setOnStoreFailure(String onStoreFailure) { this.onStoreFailure = onStoreFailure; }
    public String getTrigger() { return trigger; }
    public void setTrigger(String trigger) { this.trigger = trigger; }
    public String getSchema() { return schema; }
    public void setSchema(String schema) { this.schema = schema; }
    public Boolean getMigrateOnStart() { return migrateOnStart; }
    public void setMigrateOnStart(Boolean migrateOnStart) { this.migrateOnStart = migrateOnStart; }
    public Integer getMaxWarnings() { return maxWarnings; }
    public void setMaxWarnings(Integer maxWarnings) { this.maxWarnings = maxWarnings; }
    public Integer getMaxMessageLength() { return maxMessageLength; }
    public void setMaxMessageLength(Integer maxMessageLength) { this.maxMessageLength = maxMessageLength; }
    public Integer getMaxCustomMetrics() { return maxCustomMetrics; }
    public void setMaxCustomMetrics(Integer maxCustomMetrics) { this.maxCustomMetrics = maxCustomMetrics; }
    public String getHeartbeatInterval() { return heartbeatInterval; }
    public void setHeartbeatInterval(String heartbeatInterval) { this.heartbeatInterval = heartbeatInterval; }
    public String getStaleLimit() { return staleLimit; }
    public void setStaleLimit(String staleLimit) { this.staleLimit = staleLimit; }
    public String getMaxDuration() { return maxDuration; }
    public void setMaxDuration(String maxDuration) { this.maxDuration = maxDuration; }
    public String getOnConflict() { return onConflict; }
    public void setOnConflict(String onConflict) { this.onConflict = onConflict; }
    public String getConfigFile() { return configFile; }
    public void setConfigFile(String configFile) { this.configFile = configFile; }
    public Jdbc getJdbc() { return jdbc; }
    public Spool getSpool() { return spool; }
    public Exclusive getExclusive() { return exclusive; }
    public Status getStatus() { return status; }
}
