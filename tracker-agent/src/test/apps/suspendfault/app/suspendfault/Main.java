package app.suspendfault;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.intrinsics.CoroutineSingletons;

/**
 * "Suspend functions" (last parameter a kotlin.coroutines.Continuation) whose continuation batchtrack
 * cannot wrap: one suspends (returns the marker), one returns at once, one throws. Prints what the
 * caller saw, how often each body ran, each run's id, and the time right after the suspending call.
 */
public final class Main {
    private static final IllegalStateException FEED_DOWN = new IllegalStateException("feed down");
    private static final Object RESULT = new Object();
    private static final AtomicInteger BODIES = new AtomicInteger();
    private static Continuation<Object> received;

    private Main() {}

    /** The caller's continuation; the functions never resume it. */
    static final class Caller implements Continuation<Object> {
        @Override
        public CoroutineContext getContext() {
            return null;
        }

        @Override
        public void resumeWith(Object result) {
            System.out.println("caller.resumed=" + result);
        }
    }

    public static void main(String[] args) {
        Caller caller = new Caller();
        Object returned = suspends(2024, 1, caller);
        System.out.println("suspends.returned.at=" + Instant.now());
        System.out.println("suspends.returned=" + returned + " marker=" + (returned == CoroutineSingletons.COROUTINE_SUSPENDED)
                + " continuation=" + (received == caller));

        System.out.println("returns.same=" + (returns(2024, 2, caller) == RESULT));
        try {
            throwing(2024, 3, caller);
        } catch (IllegalStateException e) {
            System.out.println("throwing.threw=" + e.getMessage() + " same=" + (e == FEED_DOWN));
        }
        System.out.println("bodies=" + BODIES.get());
        System.out.println("after.current=" + Tracker.current().runId().isPresent());
    }

    @TrackedBatch(type = "fault_suspends")
    static Object suspends(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, Continuation<Object> c) {
        BODIES.incrementAndGet();
        id("suspends");
        received = c;
        return CoroutineSingletons.COROUTINE_SUSPENDED;
    }

    @TrackedBatch(type = "fault_returns")
    static Object returns(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, Continuation<Object> c) {
        BODIES.incrementAndGet();
        id("returns");
        Tracker.current().increment("games_processed", 5);
        return RESULT;
    }

    @TrackedBatch(type = "fault_throws")
    static Object throwing(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, Continuation<Object> c) {
        BODIES.incrementAndGet();
        id("throws");
        throw FEED_DOWN;
    }

    private static void id(String name) {
        System.out.println("track." + name + ".id=" + Tracker.current().runId().map(Object::toString).orElse("none"));
    }
}
