package io.batchtrack.schedule.internal;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.schedule.Expectation;
import io.batchtrack.schedule.Schedules;
import io.batchtrack.spi.DeclaredSchedule;
import io.batchtrack.spi.RunListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Registers the expected schedules that {@code @TrackedBatch} methods declare in
 * {@code batch_expectations}, with {@code source = 'annotation'}, on a daemon thread of its own: the
 * batch's call only queues the schedule. An operator's row for the same type and mode is never
 * replaced ({@link Schedules#declare}); an annotation's earlier row is, and keeps its declaration
 * time while the cron and zone stay the same. A value that cannot be used is logged with the value
 * and the rule; a database that cannot be reached is logged too, and the next start tries again.
 *
 * <p>The engine's close, or the JVM's exit (a batch that ends at once), waits up to
 * {@link #WAIT} for what is queued; what is still queued then is logged as not registered.
 */
public final class AnnotatedSchedules implements RunListener {
    /** How long a close or the JVM's exit waits for queued registrations. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final PostgresRunStore store;
    private final Clock clock;
    private final ArrayDeque<DeclaredSchedule> queue = new ArrayDeque<>(); // guarded by itself
    private int writing; // guarded by queue: taken off the queue, not yet written
    private boolean closed; // guarded by queue
    private Thread worker; // guarded by queue; started with the first schedule
    private Thread exitHook; // guarded by queue
    /**
     * Set when the JVM's exit begins: from then on this class's warnings go to standard error as well,
     * because java.util.logging's own shutdown hook may already have removed its handlers.
     */
    private volatile boolean exiting;

    public AnnotatedSchedules(PostgresRunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean scheduleDeclared(DeclaredSchedule schedule) {
        synchronized (queue) {
            if (closed) {
                return false;
            }
            queue.add(schedule);
            if (worker == null) {
                start();
            }
            queue.notifyAll();
        }
        return true;
    }

    private void start() {
        worker = new Thread(new Runnable() { // no lambda: see the api's start-up notes
            @Override
            public void run() {
                work();
            }
        }, "batchtrack-schedules");
        worker.setDaemon(true);
        worker.start();
        exitHook = new Thread(new Runnable() {
            @Override
            public void run() {
                exiting();
                awaitQueued(true);
            }
        }, "batchtrack-schedules-exit");
        try {
            Runtime.getRuntime().addShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            exitHook = null; // the JVM is already exiting
        }
    }

    private void work() {
        while (true) {
            DeclaredSchedule next;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                next = queue.poll();
                if (next == null) {
                    return; // closed, and nothing left
                }
                writing++;
            }
            try {
                register(next);
            } catch (Throwable t) { // Errors too: the thread goes on with the next
                warn("batchtrack could not register " + next.describe() + ": " + Log.describe(t));
            } finally {
                synchronized (queue) {
                    writing--;
                    queue.notifyAll();
                }
            }
        }
    }

    /** Writes one schedule's row; logs, never throws for a value or a database it cannot use. */
    void register(DeclaredSchedule schedule) {
        Expectation expectation;
        try {
            expectation = expectationOf(schedule);
        } catch (IllegalArgumentException e) {
            warn("batchtrack does not register " + schedule.describe() + ": " + e.getMessage()
                    + "; its runs are tracked as usual");
            return;
        }
        try {
            store.ensureReady();
            BatchRunQueries queries = store.queries();
            if (Schedules.create(queries.dataSource(), queries.schema()).declare(expectation)) {
                Log.info("batchtrack registered " + schedule.describe() + " in batch_expectations");
            } else {
                Log.info("batchtrack keeps the operator's expectation of " + expectation.name() + " in"
                        + " batch_expectations; " + schedule.describe() + " does not replace it");
            }
        } catch (RuntimeException e) {
            warn("batchtrack could not register " + schedule.describe() + ": " + Log.describe(e)
                    + "; the next start tries again");
        }
    }

    /** The JVM is exiting: what is still written is reported where it cannot be lost. */
    void exiting() {
        exiting = true;
    }

    private void warn(String message) {
        if (exiting) {
            Log.warnAtExit(message);
        } else {
            Log.warn(message);
        }
    }

    /** @throws IllegalArgumentException naming the value and the rule it breaks */
    Expectation expectationOf(DeclaredSchedule s) {
        Duration grace = s.grace().isEmpty() ? null : duration("grace", s.grace());
        Duration max = s.maxDuration().isEmpty() ? null : duration("maxDuration", s.maxDuration());
        return Expectation.declare(s.batchType(), s.mode(), s.cron(), s.zone().isEmpty() ? null : s.zone(), grace,
                max, clock.instant()).fromAnnotation();
    }

    private static Duration duration(String attribute, String value) {
        try {
            return TrackerConfig.parseDuration(attribute, value);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(attribute + " '" + value + "' is not a duration: use a number with"
                    + " a unit (30m, 2h, 1d) or ISO-8601 (PT90M)");
        }
    }

    /** Waits up to {@link #WAIT} until nothing is queued or being written; logs what is left. */
    private void awaitQueued(boolean exiting) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (queue) {
            while (!queue.isEmpty() || writing > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    String message = "batchtrack leaves " + (queue.size() + writing) + " expected schedule(s) of"
                            + " @TrackedBatch methods unregistered after waiting " + WAIT.toSeconds() + " s; the next"
                            + " start registers them";
                    if (exiting) {
                        Log.warnAtExit(message);
                    } else {
                        Log.warn(message);
                    }
                    return;
                }
                try {
                    queue.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        Thread hook;
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
            hook = exitHook;
            exitHook = null;
        }
        awaitQueued(false);
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the hooks are running: this one waits as well
            }
        }
    }

    @Override
    public String toString() {
        return "annotated schedules of " + store;
    }
}
