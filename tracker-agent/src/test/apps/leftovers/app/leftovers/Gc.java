package app.leftovers;

import java.lang.ref.WeakReference;
import java.util.concurrent.ForkJoinPool;

/** Waits, boundedly, for the garbage collector to clear a weak reference. */
final class Gc {
    private Gc() {}

    static boolean collected(WeakReference<?> ref) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            // the application goes on using executors, as it would (the pending-runs table lets go of
            // a collected task's entry at its next use)
            ForkJoinPool.commonPool().submit(() -> { }).get();
            Thread.sleep(50); // not synchronisation: gives the collector and the reference handler a moment
        }
        return ref.get() == null;
    }
}
