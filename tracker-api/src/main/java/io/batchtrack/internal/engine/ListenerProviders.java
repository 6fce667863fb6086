package io.batchtrack.internal.engine;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunListenerProvider;
import io.batchtrack.spi.RunStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Asks every {@link RunListenerProvider} that {@link ServiceLoader} finds for the listener of an
 * engine built from configuration. A provider that cannot be loaded or that throws (anything,
 * {@link Error}s and {@link java.util.ServiceConfigurationError} included) is logged and skipped.
 *
 * <p>Providers are looked up through two class loaders. First tracker-api's own, as the store
 * providers are ({@code internal.store.Stores}): under the Java agent tracker-api sits on the
 * bootstrap class path, where that loader is null, which {@link ServiceLoader} takes as the system
 * class loader, the one that sees the application's class path. Then the thread context class
 * loader, which in a container (a web application, a plugin host) is the one that sees the
 * application's own jars. A provider class found through both is asked once.
 */
final class ListenerProviders {
    private static final int MAX_FAILURES = 16;

    private ListenerProviders() {}

    static List<RunListener> create(TrackerConfig config, RunStore store) {
        List<RunListener> listeners = new ArrayList<>();
        Set<Class<?>> asked = new LinkedHashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ask(ListenerProviders.class.getClassLoader(), config, store, asked, listeners);
        if (context != null && context != ListenerProviders.class.getClassLoader()) {
            ask(context, config, store, asked, listeners);
        }
        return listeners;
    }

    private static void ask(ClassLoader loader, TrackerConfig config, RunStore store, Set<Class<?>> asked,
            List<RunListener> listeners) {
        Iterator<RunListenerProvider> providers;
        try {
            providers = ServiceLoader.load(RunListenerProvider.class, loader).iterator();
        } catch (Throwable t) {
            Log.warn("batchtrack cannot look up run listener providers: " + Log.describe(t));
            return;
        }
        int failures = 0;
        while (true) {
            RunListenerProvider provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
            } catch (Throwable t) {
                Log.warn("batchtrack skips a run listener provider that cannot be loaded: " + Log.describe(t));
                if (++failures > MAX_FAILURES) {
                    return; // an iterator that fails without moving on would loop for ever
                }
                continue;
            }
            if (!asked.add(provider.getClass())) {
                continue;
            }
            try {
                RunListener listener = provider.create(config, store);
                if (listener != null && listener != RunListener.NONE) {
                    listeners.add(listener);
                }
            } catch (Throwable t) {
                Log.warn("batchtrack runs without the listener of " + provider.getClass().getName() + ": "
                        + Log.describe(t));
            }
        }
    }
}
