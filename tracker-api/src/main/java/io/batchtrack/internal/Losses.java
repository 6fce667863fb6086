package io.batchtrack.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every record this JVM lost, counted by kind, so that no loss is silent. The first loss of a kind
 * is described at WARNING (later ones at DEBUG, so a dead database cannot flood the log); a summary
 * WARNING with every count follows at most once a minute while losses continue, and once more when
 * the JVM exits. The engine reports the counts to its store ({@code batch_losses}), where the status
 * page and {@code batchtrack status} show them.
 *
 * <p>Kinds: {@code store-start}, {@code store-finish} (the store refused a start or an end for a
 * reason other than being unreachable), {@code no-spool} (unreachable, and spooling is off),
 * {@code spool-full}, {@code spool-io} (the spool could not keep it), {@code spool-dropped} (a spooled
 * record the store rejected or that could not be read back), {@code late-update} (a counter or
 * warning after its run's end).
 */
public final class Losses {
    static final long SUMMARY_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final AtomicLong TOTAL = new AtomicLong();
    private static final AtomicLong SUMMARISED = new AtomicLong();
    private static final AtomicLong LAST_SUMMARY = new AtomicLong(); // set at the first loss
    private static final AtomicBoolean EXIT_HOOK = new AtomicBoolean();

    private Losses() {}

    /**
     * Counts one lost record of {@code kind} and logs it: {@code detail} at WARNING the first time
     * of the kind, at DEBUG afterwards, and the summary when it is due.
     */
    public static void lost(String kind, String detail, Throwable cause) {
        try {
            counted(kind);
            Log.warnOnce("lost:" + kind, detail, cause);
        } catch (Throwable cannotTell) {
            // out of memory or a broken logging back end: called where a failure must not reach the batch
        }
    }

    /** Counts one lost record of {@code kind} that the caller has logged at WARNING itself. */
    public static void counted(String kind) {
        COUNTS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        long now = System.nanoTime();
        if (TOTAL.incrementAndGet() == 1) {
            LAST_SUMMARY.set(now); // the first loss is described in full; the summary follows in a minute
            SUMMARISED.set(1);
        }
        registerExitSummary();
        summariseIfDue(now);
    }

    /** Lost records so far, by kind (a copy, sorted). */
    public static Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        for (Map.Entry<String, AtomicLong> e : COUNTS.entrySet()) {
            copy.put(e.getKey(), e.getValue().get());
        }
        return copy;
    }

    /** Lost records so far, of every kind: grows with each loss, so a reporter can tell what is new. */
    public static long total() {
        return TOTAL.get();
    }

    /** The summary, if losses came since the last one and a minute has passed. */
    static void summariseIfDue(long now) {
        long last = LAST_SUMMARY.get();
        if (TOTAL.get() > SUMMARISED.get() && now - last >= SUMMARY_EVERY_NANOS
                && LAST_SUMMARY.compareAndSet(last, now)) {
            SUMMARISED.set(TOTAL.get());
            Log.warn(summary());
        }
    }

    /** One line: how many records of which kind this JVM lost. */
    public static String summary() {
        StringBuilder b = new StringBuilder("batchtrack has lost ").append(TOTAL.get())
                .append(" record(s) since this JVM started:");
        String sep = " ";
        for (Map.Entry<String, Long> e : counts().entrySet()) {
            b.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return b.append(" (details at the first of each kind above; batchtrack status lists them)").toString();
    }

    private static void registerExitSummary() {
        if (EXIT_HOOK.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                    @Override
                    public void run() {
                        Log.warnAtExit(summary());
                    }
                }, "batchtrack-loss-summary"));
            } catch (IllegalStateException exiting) {
                Log.warn(summary());
            }
        }
    }
}
