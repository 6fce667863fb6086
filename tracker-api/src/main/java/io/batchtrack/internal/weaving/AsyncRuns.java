package io.batchtrack.internal.weaving;

import io.batchtrack.internal.engine.Faults;
import io.batchtrack.internal.engine.ActiveRun;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs of asynchronous methods whose future has not been seen to complete yet. A caller blocked
 * in {@code join()} may wake before the run's end is written (the JDK completes later dependents
 * first), and a {@code main} that returns right then would lose the row; so a shutdown hook ends
 * and waits for (boundedly) every such run whose future is already done. Runs whose future never
 * completes are left alone: waiting for them would delay the program's exit.
 */
public final class AsyncRuns {
    private static final long SHUTDOWN_WAIT_MILLIS = 5_000;
    private static final Map<ActiveRun, CompletionStage<?>> PENDING = new ConcurrentHashMap<>();
    private static final Map<ActiveRun, java.util.concurrent.Future<?>> PENDING_FUTURES = new ConcurrentHashMap<>();
    private static volatile boolean hooked;

    private AsyncRuns() {}

    /** Ends {@code run} when {@code stage} completes, with the stage's outcome. */
    public static void endOnCompletion(ActiveRun run, CompletionStage<?> stage) {
        hook();
        PENDING.put(run, stage);
        stage.whenComplete((value, failure) -> {
            try {
                if (wasCancelled(stage, failure)) {
                    run.cancelled();
                } else {
                    run.finish(failure);
                }
            } catch (Throwable e) { // what this callback throws would only reach a dependent nobody reads
                Faults.logged("exit-async", "batchtrack failed to end asynchronous run " + run.id(), e);
            } finally {
                PENDING.remove(run);
            }
        });
    }

    /**
     * Ends {@code run} when {@code future}, a Guava {@code ListenableFuture} (recognised by name, so
     * called through its {@code addListener(Runnable, Executor)}), completes. Its outcome is read
     * through {@link java.util.concurrent.Future}, which it extends.
     *
     * @throws Throwable what stops the listener being added ({@code addListener}'s own exception, not
     *     reflection's wrapper), with no pending entry left for the run
     */
    public static void endOnListenable(ActiveRun run, java.util.concurrent.Future<?> future) throws Throwable {
        java.lang.reflect.Method addListener = TrackedPublisher.find(future.getClass(),
                "com.google.common.util.concurrent.ListenableFuture").getMethod("addListener", Runnable.class,
                java.util.concurrent.Executor.class);
        hook();
        PENDING_FUTURES.put(run, future);
        Runnable ended = () -> {
            try {
                endWith(run, future);
            } catch (Throwable e) { // what this listener throws would only reach Guava's log
                Faults.logged("exit-async", "batchtrack failed to end asynchronous run " + run.id(), e);
            } finally {
                PENDING_FUTURES.remove(run);
            }
        };
        java.util.concurrent.Executor sameThread = Runnable::run;
        try {
            addListener.invoke(future, ended, sameThread); // a future done already runs it at once, here
        } catch (Throwable e) { // Errors too: no pending entry for a run that is ended at once (Woven.listened)
            PENDING_FUTURES.remove(run);
            throw e instanceof java.lang.reflect.InvocationTargetException target && target.getCause() != null
                    ? target.getCause() : e;
        }
    }

    /** Ends {@code run} with the outcome of {@code future}, which is done. */
    private static void endWith(ActiveRun run, java.util.concurrent.Future<?> future) {
        if (future.isCancelled()) {
            run.cancelled();
            return;
        }
        Throwable failure = null;
        boolean interrupted = false;
        while (true) {
            try {
                future.get();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
                break;
            } catch (CancellationException e) {
                run.cancelled();
                return;
            } catch (InterruptedException e) {
                interrupted = true; // done already: get() returns at once on retry
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        run.finish(failure);
    }

    /** A future cancelled by its caller, not one whose work failed (cancel() completes it with a CancellationException). */
    private static boolean wasCancelled(CompletionStage<?> stage, Throwable failure) {
        return failure instanceof CancellationException
                && stage instanceof java.util.concurrent.Future<?> f && f.isCancelled();
    }

    private static void hook() {
        if (hooked) {
            return;
        }
        synchronized (AsyncRuns.class) {
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(AsyncRuns::flush, "batchtrack-async-flush"));
                hooked = true;
            }
        }
    }

    static void flush() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MILLIS);
        for (Map.Entry<ActiveRun, java.util.concurrent.Future<?>> e : PENDING_FUTURES.entrySet()) {
            if (e.getValue().isDone()) {
                endWith(e.getKey(), e.getValue()); // no-op if the listener got there first
                if (!await(e.getKey(), deadline)) {
                    return;
                }
            }
        }
        for (Map.Entry<ActiveRun, CompletionStage<?>> e : PENDING.entrySet()) {
            CompletableFuture<?> f;
            try {
                f = e.getValue().toCompletableFuture();
            } catch (UnsupportedOperationException notConvertible) {
                continue;
            }
            if (!f.isDone()) {
                continue;
            }
            ActiveRun run = e.getKey();
            if (f.isCancelled()) {
                run.cancelled(); // no-op if the completion callback got there first
            } else {
                run.finish(f.isCompletedExceptionally() ? f.handle((v, t) -> t).join() : null);
            }
            if (!await(run, deadline)) {
                return;
            }
        }
    }

    /** @return false if interrupted: the hook then stops waiting */
    private static boolean await(ActiveRun run, long deadline) {
        try {
            run.awaitRecorded(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
