package io.batchtrack.alerts;

import io.batchtrack.internal.Log;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs {@link Alerts#detect} and {@link Alerts#deliver} every interval on a daemon thread, until
 * closed: what {@code batchtrack watch} and a status server with a channel run. A cycle that fails
 * (the database is down) is logged and the next one runs as usual.
 */
public final class AlertWatcher implements AutoCloseable {
    private final Supplier<Alerts> source;
    private Alerts alerts; // the watcher thread's: obtained on the first cycle that can
    private final Duration interval;
    private final Thread thread;
    private final AtomicLong cycles = new AtomicLong();
    private volatile boolean closed;

    private AlertWatcher(Supplier<Alerts> source, Duration interval) {
        this.source = source;
        this.interval = interval;
        this.thread = new Thread(this::loop, "batchtrack-alerts");
        this.thread.setDaemon(true);
    }

    /** Starts watching at once: the first cycle runs now, the next {@code interval} after its end. */
    public static AlertWatcher start(Alerts alerts, Duration interval) {
        Objects.requireNonNull(alerts, "alerts");
        return start(() -> alerts, interval);
    }

    /**
     * Like {@link #start(Alerts, Duration)}, with the alerts obtained on the first cycle, and asked for
     * again each cycle until that works (a status server that starts before its database answers).
     */
    public static AlertWatcher start(Supplier<Alerts> alerts, Duration interval) {
        Objects.requireNonNull(alerts, "alerts");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the watch interval " + interval + " is not positive");
        }
        AlertWatcher w = new AlertWatcher(alerts, interval);
        w.thread.start();
        return w;
    }

    /** One cycle: detect, then deliver. Never throws; a failure is logged. */
    void cycle() {
        try {
            if (alerts == null) {
                alerts = Objects.requireNonNull(source.get(), "alerts");
            }
            alerts.detect();
            alerts.deliver();
        } catch (RuntimeException e) {
            Log.warnOnce("alerts-cycle", "batchtrack alerts: a watch cycle failed; the next runs in " + interval, e);
        } finally {
            cycles.incrementAndGet();
        }
    }

    /** Cycles ended so far. */
    public long cycles() {
        return cycles.get();
    }

    private void loop() {
        while (!closed) {
            cycle();
            try {
                Thread.sleep(interval.toMillis()); // the pause between two cycles
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops after the current cycle's current request; a claimed alert's lease lets another sender take it. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
