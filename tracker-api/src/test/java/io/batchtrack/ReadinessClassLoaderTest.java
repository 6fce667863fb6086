package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import io.batchtrack.testing.InMemoryRunStore;
import io.batchtrack.testing.ScriptedStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A run's readiness is refreshed with the tracked code's class loader as the context class loader,
 * whichever thread ends the run: the loader a store looks the application's {@code ReadinessProbe}
 * service up with. For a woven method its declaring class's loader; for a {@code BatchTracking} its
 * builder's caller's context loader.
 */
class ReadinessClassLoaderTest {
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 11),
            Trigger.MANUAL);

    private final AtomicReference<ClassLoader> seen = new AtomicReference<>();
    private final ScriptedStore store = new ScriptedStore(new InMemoryRunStore());

    private BatchTracking build() {
        return BatchTracking.builder().store(store)
                .readinessRefresher(run -> seen.set(Thread.currentThread().getContextClassLoader())).build();
    }

    @Test
    void a_run_ended_on_another_thread_refreshes_with_the_builders_loader() throws Exception {
        ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());
        ClassLoader pool = new URLClassLoader(new URL[0], null);
        BatchTracking tracking = withContextLoader(application, this::build);
        BatchTracker run = tracking.start(SPEC);
        run.detach();

        Thread worker = new Thread(() -> run.finish(null), "pool-thread");
        worker.setContextClassLoader(pool);
        worker.start();
        worker.join();
        tracking.close();

        assertThat(seen.get()).isSameAs(application);
    }

    @Test
    void a_woven_method_refreshes_with_its_declaring_class_loader() throws Exception {
        BatchTracking tracking = build();
        BatchTracking previous = BatchTracking.setGlobal(tracking);
        try (ChildFirst plugin = new ChildFirst(PluginJob.class.getName(), getClass().getClassLoader())) {
            Class<?> job = plugin.loadClass(PluginJob.class.getName());
            assertThat(job.getClassLoader()).isSameAs(plugin);
            TrackedMethod tracked = Woven.trackedMethod(job.getDeclaredMethod("run"));

            ActiveRun opened = withContextLoader(new URLClassLoader(new URL[0], null),
                    () -> Woven.enter(tracked, new Object[0]));
            Woven.exit(tracked, opened, null, null);

            assertThat(seen.get()).isSameAs(plugin);
        } finally {
            tracking.close();
            if (previous != null) {
                BatchTracking.setGlobal(previous);
            }
        }
    }

    /** A tracked method of a plugin, loaded again by the plugin's own class loader. */
    public static final class PluginJob {
        @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE)
        public static void run() {}
    }

    /** Loads one class itself, from its parent's bytes; everything else from the parent. */
    private static final class ChildFirst extends ClassLoader implements AutoCloseable {
        private final String name;

        ChildFirst(String name, ClassLoader parent) {
            super(parent);
            this.name = name;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> c = findLoadedClass(className);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(className.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(className, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(className, e);
                    }
                }
                return c;
            }
        }

        @Override
        public void close() {}
    }

    private interface Action<T> {
        T run() throws Exception;
    }

    private static <T> T withContextLoader(ClassLoader loader, Action<T> action) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader own = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return action.run();
        } finally {
            t.setContextClassLoader(own);
        }
    }
}
