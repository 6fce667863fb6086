package io.batchtrack.internal.engine;

import io.batchtrack.TrackingException;
import io.batchtrack.Trigger;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.store.Stores;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunStore;
import java.time.Clock;
import java.util.List;

/**
 * Builds an engine from configuration: its settings ({@link EngineSettings#from}), the store the
 * {@code store} key names ({@link Stores}), and the listeners the {@link ListenerProviders} make.
 * A configuration that cannot be used is logged in one line naming the key; the engine then records
 * nothing, or, under {@code on-store-failure=fail}, refuses every run with that error.
 */
public final class EngineFactory {
    private EngineFactory() {}

    /** @param global whether this is the process's global engine (its log line says what becomes of batches) */
    public static Engine fromConfig(TrackerConfig config, boolean global) {
        StoreFailurePolicy policy = StoreFailurePolicy.CONTINUE;
        EngineSettings settings = null;
        try {
            policy = EngineSettings.onStoreFailure(config); // first: it decides what a bad configuration does
            settings = EngineSettings.from(config);
            RunStore store = Stores.create(config);
            List<RunListener> listeners = ListenerProviders.create(config, store);
            return new Engine(settings, store, null, Clock.systemUTC(), listeners, null);
        } catch (ConfigException e) {
            Log.warn(e.getMessage() + (policy == StoreFailurePolicy.FAIL
                    ? "; every tracked run will fail (on-store-failure=fail)" : "; batches run untracked"));
            return untracked(settings, policy, e);
        } catch (Throwable e) { // Errors too: a stale META-INF/services entry throws ServiceConfigurationError
            Log.warn("batchtrack could not start its store (" + Log.describe(e) + ")"
                    + (global ? "; batches run untracked" : ""));
            return untracked(settings, policy, e instanceof RuntimeException r ? r
                    : new TrackingException("batchtrack could not start its store: " + Log.describe(e), e));
        }
    }

    /**
     * The engine of a process whose engine could not even be built (out of memory, say): it records
     * nothing and builds nothing; the caller keeps it, so that no later call tries again.
     */
    public static Engine none() {
        return new Engine(EngineSettings.builder().policy(StoreFailurePolicy.CONTINUE).trigger(Trigger.MANUAL)
                .spoolDirectory(null).build(), RunStore.NONE, null, Clock.systemUTC(), List.of(), null);
    }

    /** The engine of a configuration that cannot be used: records nothing, or under fail-fast starts nothing. */
    private static Engine untracked(EngineSettings settings, StoreFailurePolicy policy, RuntimeException problem) {
        EngineSettings s = settings != null ? settings
                // the configuration failed before its trigger was known; no run records it
                : EngineSettings.builder().policy(policy).trigger(Trigger.MANUAL).build();
        return new Engine(s, RunStore.NONE, null, Clock.systemUTC(), List.of(),
                policy == StoreFailurePolicy.FAIL ? problem : null);
    }
}
