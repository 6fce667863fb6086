package io.batchtrack.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What batchtrack logs while a test runs, every level: {@code System.Logger} reaches
 * {@code java.util.logging} when no other logging is bridged in, so the lines are read from the
 * {@code io.batchtrack} logger. Closing it restores the logger as it was.
 *
 * <pre>{@code
 * try (LoggedLines log = LoggedLines.capture()) {
 *     ...
 *     assertThat(log.containing("NoSuchMethodError")).isNotEmpty();
 * }
 * }</pre>
 */
public final class LoggedLines implements AutoCloseable {
    /** One line as logged: its level and its text. */
    public record Line(Level level, String text) {}

    private final Logger logger = Logger.getLogger("io.batchtrack");
    private final Level previous = logger.getLevel();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(new Line(record.getLevel(), String.valueOf(record.getMessage())));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LoggedLines() {
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    public static LoggedLines capture() {
        return new LoggedLines();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines whose text contains {@code text}, any level. */
    public List<Line> containing(String text) {
        return lines.stream().filter(l -> l.text().contains(text)).toList();
    }

    /** The lines at WARNING or above whose text contains {@code text}. */
    public List<Line> warningsContaining(String text) {
        return lines.stream().filter(l -> l.level().intValue() >= Level.WARNING.intValue()
                && l.text().contains(text)).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previous);
    }
}
