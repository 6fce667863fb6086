package io.batchtrack.agent.internal;

import io.batchtrack.internal.Log;
import io.batchtrack.internal.context.AutoPropagation;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Automatic propagation: the JDK's executors hand the submitter's run to the thread that runs the task.
 * Installed when the first tracked class is woven, before any of its methods can run, and not at all in
 * an application without one: the executors are loaded long before, so this retransforms them (their
 * woven bytes come from the weaving cache like any class's, so Byte Buddy is loaded on a miss only).
 */
final class JdkPropagation {
    /** {@code false} leaves the JDK's executors alone: only {@code Tracker.wrap} carries a run to other threads. */
    static final String ENABLED = "propagation.enabled";

    static final Set<String> TARGETS = Set.of(
            "java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/ScheduledThreadPoolExecutor",
            "java/util/concurrent/ForkJoinPool$WorkQueue",
            "java/util/concurrent/ForkJoinTask",
            "java/util/concurrent/CompletableFuture$ThreadPerTaskExecutor",
            "java/util/concurrent/ThreadPerTaskExecutor");

    private final Instrumentation instrumentation;
    private final ClassWeaver weaver;
    private final AtomicBoolean installed = new AtomicBoolean();

    JdkPropagation(Instrumentation instrumentation, ClassWeaver weaver) {
        this.instrumentation = instrumentation;
        this.weaver = weaver;
    }

    /**
     * Weaves the executors, the first time only, and returns when they are woven; a failure leaves them as
     * they were and says so. Called from a transformer, where the JVM ignores a retransformation asked
     * for on the same thread (the agent is already inside its class-file hook there), so another
     * thread asks for it while this one waits.
     */
    void install() {
        if (!installed.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(new Runnable() { // no lambda: the first one costs a JVM some milliseconds
            @Override
            public void run() {
                retransform();
            }
        }, "batchtrack-propagation");
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retransform() {
        try {
            // the advice inlined into java.base calls the api, which lives in the bootstrap loader's unnamed module
            instrumentation.redefineModule(Object.class.getModule(), Set.of(AutoPropagation.class.getModule()),
                    Map.of(), Map.of(), Set.of(), Map.of());
            // loaded first, then all retransformed: the same bytes (the JVM's reconstitution) reach the
            // weaving cache at every start, whether or not the application had used them yet
            List<Class<?>> loaded = new ArrayList<>();
            for (String target : TARGETS) {
                try {
                    loaded.add(Class.forName(target.replace('/', '.'), false, null));
                } catch (ClassNotFoundException e) {
                    // ThreadPerTaskExecutor before Java 21
                }
            }
            instrumentation.addTransformer(new Transformer(), true);
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (Exception | LinkageError e) {
            Log.warn("batchtrack cannot propagate runs to the JDK's executors (" + Log.describe(e)
                    + "); wrap executors with Tracker.wrap to count work done on other threads");
        }
    }

    private final class Transformer implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] bytes) {
            if (loader != null || className == null || !TARGETS.contains(className)) {
                return null;
            }
            try {
                return weaver.weave(null, className, bytes).bytes();
            } catch (Throwable t) {
                Log.warn("batchtrack cannot propagate runs through " + className.replace('/', '.') + ": "
                        + Log.describe(t));
                return null;
            }
        }
    }
}
