package io.batchtrack.agent.internal;

import io.batchtrack.internal.Log;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the agent's relocated SLF4J, through which HikariCP, Jdbi and Flyway log:
 * warnings and errors go to batchtrack's own log ({@code System.Logger} "io.batchtrack"), anything
 * below is dropped. Without a binding SLF4J would print its "no providers" notice into every
 * application's standard error; with the application's binding it could not work at all, since the
 * relocated interfaces are not the application's.
 */
public final class StoreLogging implements SLF4JServiceProvider {
    private static final String SHADED = "io.batchtrack.agent.shaded.";

    private final ILoggerFactory loggers = new Loggers();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    private static final class Loggers implements ILoggerFactory {
        private final ConcurrentHashMap<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            Logger logger = byName.get(name);
            if (logger == null) {
                logger = new WarningsOnly(name.startsWith(SHADED) ? name.substring(SHADED.length()) : name);
                Logger raced = byName.putIfAbsent(name, logger);
                logger = raced != null ? raced : logger;
            }
            return logger;
        }
    }

    /** Passes warnings and errors on, one line each, naming the library's logger. */
    private static final class WarningsOnly extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        WarningsOnly(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable thrown) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            Log.warn("batchtrack store [" + name + "] " + message + (thrown == null ? "" : ": " + Log.describe(thrown)));
        }
    }
}
