package io.batchtrack.jdbi;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by asking again every 25 ms until a deadline: no sleeping in place of a check. */
final class Poll {
    private Poll() {}

    /** The first value of {@code probe} that satisfies {@code done}; fails with the last value seen at the deadline. */
    static <T> T until(Duration timeout, Supplier<T> probe, Predicate<? super T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(25); // the pause between two checks, not a wait for an event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
