package io.batchtrack.internal.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The schedule of one engine's {@link Heartbeat}: a periodic task on the one daemon thread that
 * every engine of the JVM shares. The task is scheduled only while the engine has work (open runs, spooled records);
 * the thread itself ends a second after the last task of any engine is cancelled, so a JVM without
 * open runs has no batchtrack thread.
 */
final class Pulse {
    private final Runnable tick;
    private final long periodNanos;
    private ScheduledFuture<?> task; // guarded by this

    Pulse(Duration period, Runnable tick) {
        this.periodNanos = period.toNanos();
        this.tick = tick;
    }

    /** Created when the first run of the JVM opens, not when an engine is built (the agent builds one early). */
    private static final class Shared {
        static final ScheduledThreadPoolExecutor EXECUTOR = executor();

        private static ScheduledThreadPoolExecutor executor() {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, new ThreadFactory() {
                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "batchtrack-heartbeat");
                    t.setDaemon(true);
                    // the thread may be created on a web application's thread; never pin its class loader
                    t.setContextClassLoader(Pulse.class.getClassLoader());
                    return t;
                }
            });
            e.setKeepAliveTime(1, TimeUnit.SECONDS);
            e.allowCoreThreadTimeOut(true);
            e.setRemoveOnCancelPolicy(true);
            return e;
        }
    }

    /** Schedules the tick every period, the first one a period from now; no-op if scheduled. */
    synchronized void start() {
        if (task == null) {
            task = Shared.EXECUTOR.scheduleWithFixedDelay(new Safely(tick), periodNanos, periodNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** Stops the periodic tick; a tick already running finishes. */
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    synchronized boolean isRunning() {
        return task != null;
    }

    /**
     * A periodic task that throws is never run again (the executor drops it, and {@link #start}
     * sees it as scheduled): whatever a beat throws, {@code Error}s included, is logged and the
     * next beat comes.
     */
    private static final class Safely implements Runnable {
        private final Runnable work;

        Safely(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                work.run();
            } catch (Throwable e) {
                Faults.logged("heartbeat", "batchtrack heartbeat failed; the next beat comes as usual", e);
            }
        }
    }
}
