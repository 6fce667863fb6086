package io.batchtrack.internal.store;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.RunStoreProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses the store named by the {@code store} key: {@code none}, {@code log}, or a
 * {@link RunStoreProvider} that {@link ServiceLoader} finds through tracker-api's class loader (under
 * the Java agent the bootstrap loader, which {@code ServiceLoader} takes as the system class loader).
 * A new built-in store is a {@code case} here; a store of its own module is a {@code RunStoreProvider}.
 */
public final class Stores {
    public static final String DEFAULT = "jdbc";
    private static final int MAX_BROKEN = 16; // an iterator that fails without moving on would loop for ever

    private Stores() {}

    public static RunStore create(TrackerConfig config) {
        String name = config.get("store", DEFAULT);
        switch (name) {
            case "none": return RunStore.NONE;
            case "log": return new LogRunStore(System.err);
            default: break;
        }
        List<String> known = new ArrayList<>(List.of("none", "log"));
        Iterator<RunStoreProvider> providers = ServiceLoader.load(RunStoreProvider.class,
                Stores.class.getClassLoader()).iterator();
        for (int broken = 0; broken <= MAX_BROKEN;) {
            RunStoreProvider p;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                p = providers.next();
            } catch (ServiceConfigurationError e) { // a stale META-INF/services entry: the others may still do
                broken++;
                Log.warn("batchtrack skips a store provider that cannot be loaded: " + Log.describe(e));
                continue;
            }
            if (p.name().equals(name)) {
                return p.create(config);
            }
            known.add(p.name());
        }
        throw new ConfigException("store", "'" + name + "' is not one of " + String.join(", ", known)
                + (name.equals(DEFAULT) ? " (the jdbc store needs tracker-jdbi on the class path)" : ""));
    }
}
