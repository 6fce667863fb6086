package io.batchtrack.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The configuration. A key {@code k.sub} is read from the system property {@code batchtrack.k.sub},
 * else from explicit overrides (the agent's arguments), else the environment variable
 * {@code BATCHTRACK_K_SUB}, else the properties file named by {@code batchtrack.config-file}
 * ({@code BATCHTRACK_CONFIG_FILE}), where keys are written without the prefix.
 *
 * <p>The database password is a secret: it is read only from the environment
 * ({@code BATCHTRACK_JDBC_PASSWORD}) or from the file named by {@code jdbc.password-file}, and
 * never appears in a message.
 *
 * <p>This class only looks keys up and parses their types; what a key means, its default and its
 * rules belong to the settings object of its concern ({@link EngineSettings} for the engine's keys).
 */
public final class TrackerConfig {
    public static final String PREFIX = "batchtrack.";

    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;
    private final Map<String, String> overrides;
    private final Map<String, String> file;
    private final ConfigException fileProblem;

    private TrackerConfig(Function<String, String> systemProperties, Function<String, String> environment,
            Map<String, String> overrides) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.overrides = Map.copyOf(overrides);
        Map<String, String> values = Map.of();
        ConfigException problem = null;
        try {
            values = loadFile();
        } catch (ConfigException e) {
            problem = e;
        }
        this.file = values;
        this.fileProblem = problem;
    }

    /**
     * Reports a configuration file that was named but could not be read. Building a configuration
     * never throws, so that code reading it at startup cannot break the program; the keys of an
     * unreadable file are simply absent until this is checked.
     *
     * @throws ConfigException naming {@code config-file} and the problem
     */
    public void requireReadableFile() {
        if (fileProblem != null) {
            throw fileProblem;
        }
    }

    /** The configuration of this process: system properties, environment, optional file. */
    public static TrackerConfig fromEnvironment() {
        return new TrackerConfig(Source.SYSTEM_PROPERTIES, Source.ENVIRONMENT, Map.of());
    }

    /** This process's configuration with overrides (for example the agent's arguments) below system properties. */
    public static TrackerConfig fromEnvironment(Map<String, String> overrides) {
        return new TrackerConfig(Source.SYSTEM_PROPERTIES, Source.ENVIRONMENT, overrides);
    }

    /** A configuration from a map of keys (without prefix) only; for tests and embedding. */
    public static TrackerConfig of(Map<String, String> values) {
        return new TrackerConfig(Source.NONE, Source.NONE, values);
    }

    /** A configuration from explicit sources; for tests. */
    public static TrackerConfig of(Map<String, String> systemProperties, Map<String, String> environment) {
        return new TrackerConfig(systemProperties::get, environment::get, Map.of());
    }

    /** The environment variable that holds {@code key}: {@code jdbc.password-file} → {@code BATCHTRACK_JDBC_PASSWORD_FILE}. */
    public static String environmentName(String key) {
        return (PREFIX + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value of a key, trimmed; empty values count as absent. */
    public Optional<String> get(String key) {
        if (key.equals("jdbc.password") || key.equals("status.token")) {
            throw new IllegalArgumentException("read the secret " + key + " with secret(\"" + key + "\")");
        }
        return lookup(key);
    }

    private Optional<String> lookup(String key) {
        String v = systemProperties.apply(PREFIX + key);
        if (blank(v)) {
            v = overrides.get(key);
        }
        if (blank(v)) {
            v = environment.apply(environmentName(key));
        }
        if (blank(v)) {
            v = file.get(key);
        }
        return blank(v) ? Optional.empty() : Optional.of(v.trim());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** @throws ConfigException if the key is absent */
    public String require(String key) {
        return get(key).orElseThrow(() -> new ConfigException(key, "is required but not set (system property "
                + PREFIX + key + " or environment variable " + environmentName(key) + ")"));
    }

    /** @throws ConfigException if the value is not {@code true} or {@code false} */
    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw new ConfigException(key, "'" + v.get() + "' is not true or false");
        }
    }

    /** @throws ConfigException if the value is not an integer within [min, max] */
    public int getInt(String key, int defaultValue, int min, int max) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw new ConfigException(key, n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "'" + v.get() + "' is not an integer");
        }
    }

    /**
     * A duration: an ISO-8601 duration ({@code PT30S}, {@code P90D}), or a number with an optional
     * unit {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} ({@code 30}, {@code 1500ms},
     * {@code 2m}); a plain number is seconds.
     *
     * @throws ConfigException if the value cannot be read or is outside [min, max]
     */
    public Duration getDuration(String key, Duration defaultValue, Duration min, Duration max) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        Duration d = parseDuration(key, v.get());
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ConfigException(key, v.get() + " is outside " + min + ".." + max);
        }
        return d;
    }

    /** Parses a duration as {@link #getDuration} does. @throws ConfigException naming the key */
    public static Duration parseDuration(String key, String value) {
        String s = value.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("p") || s.startsWith("-p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ConfigException(key, "'" + value + "' is not an ISO-8601 duration such as PT30S or P90D");
            }
        }
        int unitStart = 0;
        while (unitStart < s.length() && Character.isDigit(s.charAt(unitStart))) {
            unitStart++;
        }
        String number = s.substring(0, unitStart);
        String unit = s.substring(unitStart).trim();
        if (number.isEmpty() || number.length() > 12) {
            throw new ConfigException(key, "'" + value + "' is not a duration (for example 30s, 1500ms, 2m, PT30S)");
        }
        long n = Long.parseLong(number);
        switch (unit) {
            case "ms": return Duration.ofMillis(n);
            case "": case "s": return Duration.ofSeconds(n);
            case "m": case "min": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            case "d": return Duration.ofDays(n);
            default: throw new ConfigException(key, "'" + value + "' has an unknown unit '" + unit
                    + "' (ms, s, m, h, d or ISO-8601 such as PT30S)");
        }
    }

    /**
     * The database password: {@link #secret(String) secret("jdbc.password")}, that is the environment
     * variable {@code BATCHTRACK_JDBC_PASSWORD}, else the first line of the file named by
     * {@code jdbc.password-file}.
     *
     * @throws ConfigException if the password was given where it must not be, or the file is unreadable
     */
    public Optional<String> password() {
        return secret("jdbc.password");
    }

    /**
     * A secret (the database password, the status page's token): the environment variable of
     * {@code key} ({@code status.token} → {@code BATCHTRACK_STATUS_TOKEN}), else the first line of the
     * file named by {@code key + "-file"} (its line ending removed). A system property, agent argument
     * or properties-file entry of {@code key} itself is refused, because command lines are visible to
     * every user of the machine and properties files are often checked in. The value never appears
     * in a message.
     *
     * @throws ConfigException naming the key if the secret was given where it must not be, or naming
     *     the file key if the file cannot be read or its first line is empty
     */
    public Optional<String> secret(String key) {
        String fileKey = key + "-file";
        String variable = environmentName(key);
        if (!blank(systemProperties.apply(PREFIX + key)) || overrides.containsKey(key) || file.containsKey(key)) {
            throw new ConfigException(key, "must come from the environment variable " + variable + " or from "
                    + fileKey + ", not from a system property, agent argument or properties file");
        }
        String env = environment.apply(variable);
        if (env != null && !env.isEmpty()) {
            return Optional.of(env);
        }
        Optional<String> path = lookup(fileKey);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String content;
        try {
            content = Files.readString(Path.of(path.get()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(fileKey, "cannot read '" + path.get() + "': " + e.getClass().getSimpleName());
        }
        int nl = content.indexOf('\n');
        String first = nl < 0 ? content : content.substring(0, nl);
        first = first.endsWith("\r") ? first.substring(0, first.length() - 1) : first;
        if (first.isEmpty()) {
            throw new ConfigException(fileKey, "'" + path.get() + "' has nothing on its first line");
        }
        return Optional.of(first);
    }

    private Map<String, String> loadFile() {
        String name = systemProperties.apply(PREFIX + "config-file");
        if (blank(name)) {
            name = overrides.get("config-file");
        }
        if (blank(name)) {
            name = environment.apply(environmentName("config-file"));
        }
        if (blank(name)) {
            return Map.of();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(name.trim()))) {
            p.load(in);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("config-file", "cannot read '" + name.trim() + "': " + e.getClass().getSimpleName());
        }
        Map<String, String> values = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            values.put(k.startsWith(PREFIX) ? k.substring(PREFIX.length()) : k, p.getProperty(k));
        }
        return values;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    /**
     * The process's own sources, as constants rather than lambdas or method references: the agent
     * builds its configuration in premain, and the first lambda a JVM links costs it some milliseconds
     * (a dozen classes spun), which a JVM started with {@code enabled=false} would pay for nothing.
     * One class for the three, not an enum with a body per constant (four classes).
     */
    private static final class Source implements Function<String, String> {
        static final Source SYSTEM_PROPERTIES = new Source(1);
        static final Source ENVIRONMENT = new Source(2);
        static final Source NONE = new Source(0);

        private final int kind;

        private Source(int kind) {
            this.kind = kind;
        }

        @Override
        public String apply(String key) {
            switch (kind) {
                case 1:
                    return System.getProperty(key);
                case 2:
                    return System.getenv(key);
                default:
                    return null;
            }
        }
    }
}
