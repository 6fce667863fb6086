package io.batchtrack.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's logging: {@link System.Logger}, so the API needs no logging library (with SLF4J's
 * {@code slf4j-jdk-platform-logging} on the class path these lines go to SLF4J). Repeated failures
 * of one kind are logged at WARNING once, then at DEBUG, so a dead database cannot flood the log.
 */
public final class Log {
    private static final System.Logger LOGGER = System.getLogger("io.batchtrack");
    private static final ConcurrentHashMap<String, Boolean> WARNED = new ConcurrentHashMap<>();

    private Log() {}

    public static void info(String message) {
        LOGGER.log(Level.INFO, message);
    }

    public static void warn(String message) {
        LOGGER.log(Level.WARNING, message);
    }

    /**
     * A WARNING written while the JVM exits: to the log, and to standard error too, because the
     * logging framework may have been shut down by its own shutdown hook already (java.util.logging's
     * does so), and a line about lost records must not be lost itself.
     */
    public static void warnAtExit(String message) {
        LOGGER.log(Level.WARNING, message);
        System.err.println("WARNING: " + message);
        System.err.flush();
    }

    public static void debug(String message) {
        LOGGER.log(Level.DEBUG, message);
    }

    /** Logs at WARNING the first time a {@code kind} of problem happens, at DEBUG afterwards. */
    public static void warnOnce(String kind, String message, Throwable t) {
        boolean first = WARNED.putIfAbsent(kind, Boolean.TRUE) == null;
        String text = t == null ? message : message + ": " + describe(t);
        LOGGER.log(first ? Level.WARNING : Level.DEBUG, first ? text + " (further occurrences are logged at DEBUG)" : text);
    }

    /** Class and message of an exception and its causes, on one line. */
    public static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        Throwable c = t;
        for (int depth = 0; c != null && depth < 4; depth++, c = c.getCause()) {
            if (depth > 0) {
                b.append(" <- ");
            }
            b.append(c.getClass().getName());
            String message;
            try {
                message = c.getMessage();
            } catch (Throwable unreadable) { // an application's getMessage() may throw: name the class only
                message = "message unavailable: " + unreadable.getClass().getName();
            }
            if (message != null) {
                b.append(": ").append(Text.clean(message, 300));
            }
        }
        return b.toString();
    }
}
