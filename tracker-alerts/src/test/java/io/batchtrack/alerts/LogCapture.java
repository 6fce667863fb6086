package io.batchtrack.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every java.util.logging record at every level, formatted with its exception: the library's
 * System.Logger lines and, through slf4j-jdk14, HikariCP's, Jdbi's and Flyway's.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level previousLevel;
    private final List<String> lines = new ArrayList<>();
    private final List<String> operatorLines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogCapture() {
        previousLevel = root.getLevel();
        setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String line = formatter.format(record);
        lines.add(line);
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (logger.startsWith("io.batchtrack") || record.getLevel().intValue() >= Level.INFO.intValue()) {
            operatorLines.add(line);
        }
    }

    synchronized String text() {
        return String.join("", lines);
    }

    /**
     * The lines an operator can see without turning on the JDK's own debug logging: every line of
     * batchtrack's loggers at every level, and every other logger's at INFO and above. (The JDK's
     * HttpClient logs each request's URI at FINE/DEBUG under jdk.internal.net.http; README says so.)
     */
    synchronized String operatorText() {
        return String.join("", operatorLines);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
    }
}
