package io.batchtrack.internal.context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tasks and executors that carry the submitting thread's run to the thread that runs them
 * ({@code Tracker.wrap}): each task runs in a {@link RunScope} of the run that was current where it
 * was wrapped (or of none), and the worker's own run comes back afterwards.
 */
public final class Propagating {
    private Propagating() {}

    public static Runnable runnable(Runnable task) {
        RunOnThread run = CurrentRun.get();
        return () -> {
            try (RunScope scope = RunScope.enter(run)) {
                task.run();
            }
        };
    }

    public static <T> Callable<T> callable(Callable<T> task) {
        RunOnThread run = CurrentRun.get();
        return () -> {
            try (RunScope scope = RunScope.enter(run)) {
                return task.call();
            }
        };
    }

    /** Each task takes the run current where {@code execute} is called, not where the executor was made. */
    public static Executor executor(Executor delegate) {
        return task -> delegate.execute(runnable(task));
    }

    public static ExecutorService executorService(ExecutorService delegate) {
        return new PropagatingExecutorService(delegate);
    }

    private static final class PropagatingExecutorService implements ExecutorService {
        private final ExecutorService delegate;

        PropagatingExecutorService(ExecutorService delegate) {
            this.delegate = delegate;
        }

        private static <T> List<Callable<T>> all(Collection<? extends Callable<T>> tasks) {
            List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
            for (Callable<T> t : tasks) {
                wrapped.add(callable(t));
            }
            return wrapped;
        }

        @Override
        public void execute(Runnable command) {
            delegate.execute(runnable(command));
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return delegate.submit(callable(task));
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return delegate.submit(runnable(task), result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return delegate.submit(runnable(task));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return delegate.invokeAll(all(tasks));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return delegate.invokeAll(all(tasks), timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return delegate.invokeAny(all(tasks));
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return delegate.invokeAny(all(tasks), timeout, unit);
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }
    }
}
