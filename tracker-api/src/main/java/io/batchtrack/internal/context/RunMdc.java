package io.batchtrack.internal.context;

import io.batchtrack.internal.Log;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Mirrors the current run into the application's SLF4J MDC ({@value #RUN_ID}, {@value #BATCH_TYPE}).
 * The api depends on nothing, and under the agent it lives on the bootstrap class path where the
 * application's SLF4J is not visible; so {@code org.slf4j.MDC} is found by name, once, through the
 * thread context class loader and then the system class loader. Without SLF4J every call is one
 * read of a final field. A failing MDC never reaches the batch.
 */
public final class RunMdc {
    public static final String RUN_ID = "batchtrack.run_id";
    public static final String BATCH_TYPE = "batchtrack.batch_type";

    private RunMdc() {}

    /** Puts {@code run}'s id and batch type in the MDC, or removes both keys when {@code run} is null. */
    static void show(RunOnThread run) {
        Handles h = Handles.INSTANCE;
        if (h == null) {
            return;
        }
        try {
            if (run == null) {
                h.remove.invokeExact(RUN_ID);
                h.remove.invokeExact(BATCH_TYPE);
            } else {
                h.put.invokeExact(RUN_ID, run.id().toString());
                h.put.invokeExact(BATCH_TYPE, run.batchType());
            }
        } catch (Throwable t) {
            Log.warnOnce("mdc", "batchtrack could not set the SLF4J MDC", t);
        }
    }

    /** Whether the application's SLF4J MDC was found. */
    public static boolean available() {
        return Handles.INSTANCE != null;
    }

    private static final class Handles {
        static final Handles INSTANCE = find();

        final MethodHandle put;
        final MethodHandle remove;

        Handles(MethodHandle put, MethodHandle remove) {
            this.put = put;
            this.remove = remove;
        }

        private static Handles find() {
            ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), RunMdc.class.getClassLoader(),
                ClassLoader.getSystemClassLoader()};
            for (ClassLoader loader : loaders) {
                try {
                    Class<?> mdc = Class.forName("org.slf4j.MDC", true, loader);
                    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                    return new Handles(
                            lookup.findStatic(mdc, "put", MethodType.methodType(void.class, String.class, String.class)),
                            lookup.findStatic(mdc, "remove", MethodType.methodType(void.class, String.class)));
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    // not in this loader (a null loader is the bootstrap one): try the next
                }
            }
            return null;
        }
    }
}
