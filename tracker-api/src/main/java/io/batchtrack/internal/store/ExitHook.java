package io.batchtrack.internal.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-exit hand-over: a shutdown hook per {@link SpoolingStore} that has something to hand over
 * (it spooled a record, or found files that ended processes left), so that an ephemeral runner (a CI
 * job, a Kubernetes Job) that exits without closing its engine still delivers what it can within
 * {@code spool.exit-timeout}. Registered only then, and removed when the engine closes: an engine that
 * never spools adds no hook and is never kept alive by one.
 */
final class ExitHook {
    private static final Map<SpoolingStore, Thread> HOOKS = new ConcurrentHashMap<>();

    private ExitHook() {}

    static void register(SpoolingStore store) {
        if (HOOKS.containsKey(store)) {
            return;
        }
        Thread hook = new Thread(new Runnable() { // no lambda: see the api's start-up notes
            @Override
            public void run() {
                store.handOver(true);
            }
        }, "batchtrack-exit-handover");
        hook.setContextClassLoader(ExitHook.class.getClassLoader());
        if (HOOKS.putIfAbsent(store, hook) == null) {
            try {
                Runtime.getRuntime().addShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                HOOKS.remove(store); // the JVM is already exiting: its hooks run without this one
            }
        }
    }

    static void unregister(SpoolingStore store) {
        Thread hook = HOOKS.remove(store);
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the hooks are running; this one hands over (or finds nothing to do)
            }
        }
    }
}
