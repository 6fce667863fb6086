package io.batchtrack.internal.engine;

import io.batchtrack.internal.Log;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The thread that hands spooled records to the store and refreshes readiness after the replayed
 * ends: one daemon thread for every engine of the JVM, apart from the heartbeat thread
 * ({@link Pulse}), so that a replay of a large spool or a slow readiness probe never delays a beat —
 * a live run whose heartbeat is late is taken for dead by other processes. Like the heartbeat
 * thread it ends a second after its last task, and never pins the class loader of the thread that
 * first asked for it.
 */
final class HandOverThread {
    private HandOverThread() {}

    /** Created on first use, not when an engine is built. */
    private static final class Shared {
        static final ThreadPoolExecutor EXECUTOR = executor();

        private static ThreadPoolExecutor executor() {
            ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    new ThreadFactory() {
                        @Override
                        public Thread newThread(Runnable r) {
                            Thread t = new Thread(r, "batchtrack-spool-replay");
                            t.setDaemon(true);
                            t.setContextClassLoader(HandOverThread.class.getClassLoader());
                            return t;
                        }
                    });
            e.allowCoreThreadTimeOut(true);
            return e;
        }
    }

    /** Runs {@code work} on the hand-over thread after what is queued there; a throwable is logged. */
    static void run(Runnable work) {
        Shared.EXECUTOR.execute(new Runnable() {
            @Override
            public void run() {
                try {
                    work.run();
                } catch (Throwable t) { // one failed replay must not end the thread's later work
                    Log.warnOnce("spool-replay", "batchtrack could not replay its spool", t);
                }
            }
        });
    }
}
