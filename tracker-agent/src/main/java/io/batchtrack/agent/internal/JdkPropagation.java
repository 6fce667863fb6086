package io.batchtrack.agent.internal;

import io.batchtrack.internal.Log;
import io.batchtrack.internal.context.AutoPropagation;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Automatic propagation: the JDK's executors hand the submitter's run to the thread that runs the task.
 * The executor classes ({@link #TARGETS}) are woven when they load, if the weaving cache holds them
 * (or once a tracked class has been woven, whatever it costs), so a start that finds them in the cache
 * never retransforms anything, and one whose application never loads them pays nothing. The ones
 * already loaded, or not cached, by the time the first tracked class is woven are retransformed then,
 * before any tracked method can run; an application without a tracked class never loads Byte Buddy
 * for them. Woven at load, a class keeps its weaving when another agent retransforms it later (the JVM
 * reapplies a transformer that cannot retransform); retransformed, it is woven again from the bytes the
 * JVM hands over, whatever another retransforming agent made of them.
 */
final class JdkPropagation {
    static final Set<String> TARGETS = Set.of(
            "java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/ScheduledThreadPoolExecutor",
            "java/util/concurrent/ForkJoinPool$WorkQueue",
            "java/util/concurrent/ForkJoinTask",
            "java/util/concurrent/CompletableFuture$ThreadPerTaskExecutor",
            "java/util/concurrent/ThreadPerTaskExecutor");

    private final Instrumentation instrumentation;
    private final ClassWeaver weaver;
    private final Object lock = new Object();
    /** Targets seen loading before the first tracked class, whether woven or not. */
    private final Set<String> seen = new HashSet<>();
    /** Targets whose loaded class carries the propagation code. */
    private final Set<String> woven = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean readsApi = new AtomicBoolean();
    private boolean active;
    private volatile Thread earlyTargets;
    /** Targets loaded before the transformer was registered; written by {@link #earlyTargets}. */
    private final Set<String> loadedEarly = ConcurrentHashMap.newKeySet();

    JdkPropagation(Instrumentation instrumentation, ClassWeaver weaver) {
        this.instrumentation = instrumentation;
        this.weaver = weaver;
    }

    /**
     * Looks, on a thread of its own, for targets that were loaded before the transformer was registered
     * (which it never sees loading), so that {@link #install} need not: listing the JVM's loaded classes and
     * their names costs some 10 ms, which the main thread would otherwise spend at the first tracked class.
     * Call after the transformer is registered: a target loaded later is seen loading.
     */
    void start() {
        earlyTargets = new Thread(new Runnable() { // no lambda: the first one costs a JVM some milliseconds
            @Override
            public void run() {
                for (Class<?> c : instrumentation.getInitiatedClasses(null)) {
                    String name = c.getName();
                    if (name.startsWith("java.util.concurrent.")) {
                        String internal = name.replace('.', '/');
                        if (targets(internal)) {
                            loadedEarly.add(internal);
                        }
                    }
                }
            }
        }, "batchtrack-startup");
        earlyTargets.setDaemon(true);
        earlyTargets.start();
    }

    /** Whether {@code internalName}, defined by the bootstrap loader, is one of the executors. */
    static boolean targets(String internalName) {
        return internalName.startsWith("java/util/concurrent/") && TARGETS.contains(internalName);
    }

    /**
     * A target is being loaded: its woven bytes if the cache has them (or, after the first tracked class,
     * woven now), else null to leave it for {@link #install}.
     */
    byte[] loading(String internalName, byte[] bytes) {
        boolean weaveNow;
        synchronized (lock) {
            weaveNow = active;
            if (!active) {
                seen.add(internalName);
            }
        }
        try {
            ClassWeaver.Result r = weaveNow ? weaver.weave(null, internalName, bytes)
                    : weaver.cached(null, internalName, bytes);
            if (r == null || r.bytes() == null || !readApi()) {
                return null;
            }
            woven.add(internalName);
            return r.bytes();
        } catch (Throwable t) {
            Log.warn("batchtrack cannot propagate runs through " + internalName.replace('/', '.') + ": "
                    + Log.describe(t));
            return null;
        }
    }

    /**
     * The first tracked class is being woven: retransforms the targets that are loaded but not woven,
     * the first time only, and returns when they are woven; a failure leaves them as they were and says
     * so. Called from a transformer, where the JVM ignores a retransformation asked for on the same
     * thread (the agent is already inside its class-file hook there), so another thread asks for it
     * while this one waits. Does not start that thread when there is nothing to retransform.
     */
    void install() {
        Set<String> candidates;
        synchronized (lock) {
            if (active) {
                return;
            }
            active = true;
            candidates = new HashSet<>(seen);
        }
        if (earlyTargets != null) {
            try {
                earlyTargets.join(); // long done, as a rule
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        candidates.addAll(loadedEarly); // loaded before the transformer, so never seen loading
        final List<Class<?>> unwoven = new ArrayList<>();
        for (String name : candidates) {
            try {
                // waits for a class that another thread is still defining; woven is then final for it
                Class<?> c = Class.forName(name.replace('/', '.'), false, null);
                if (!woven.contains(name)) {
                    unwoven.add(c);
                }
            } catch (ClassNotFoundException e) {
                // not in this JDK
            }
        }
        if (unwoven.isEmpty()) {
            return;
        }
        Thread t = new Thread(new Runnable() { // no lambda: the first one costs a JVM some milliseconds
            @Override
            public void run() {
                retransform(unwoven);
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

    /** The advice inlined into java.base calls the api, which lives in the bootstrap loader's unnamed module. */
    private boolean readApi() {
        if (readsApi.get()) {
            return true;
        }
        try {
            instrumentation.redefineModule(Object.class.getModule(), Set.of(AutoPropagation.class.getModule()),
                    Map.of(), Map.of(), Set.of(), Map.of());
            readsApi.set(true);
            return true;
        } catch (RuntimeException | LinkageError e) {
            Log.warn("batchtrack cannot propagate runs to the JDK's executors (" + Log.describe(e)
                    + "); wrap executors with Tracker.wrap to count work done on other threads");
            return false;
        }
    }

    private void retransform(List<Class<?>> classes) {
        try {
            if (!readApi()) {
                return;
            }
            instrumentation.addTransformer(new Retransformer(), true);
            instrumentation.retransformClasses(classes.toArray(new Class<?>[0]));
        } catch (Exception | LinkageError e) {
            Log.warn("batchtrack cannot propagate runs to the JDK's executors (" + Log.describe(e)
                    + "); wrap executors with Tracker.wrap to count work done on other threads");
        }
    }

    /**
     * Weaves the targets when the JVM retransforms them, ours or another agent's retransformation: from
     * the bytes it is given, which include what retransforming agents before it made of the class. A
     * class woven when it loaded is left alone: the JVM has reapplied that weaving already.
     */
    private final class Retransformer implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] bytes) {
            if (loader != null || className == null || !targets(className) || woven.contains(className)) {
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
