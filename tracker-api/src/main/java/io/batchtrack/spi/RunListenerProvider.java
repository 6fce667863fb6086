package io.batchtrack.spi;

import io.batchtrack.config.TrackerConfig;

/**
 * Makes a {@link RunListener} for an engine built from configuration ({@code BatchTracking.fromConfig},
 * the Java agent, the AspectJ aspect); found through {@link java.util.ServiceLoader}, so putting a
 * module on the class path is enough to switch its listener on. Every provider found is asked; one
 * that has nothing to do under this configuration returns {@link RunListener#NONE}. Providers are
 * looked up through tracker-api's class loader and the thread context class loader; one that cannot
 * be loaded, or that throws, is logged and skipped. An engine whose configuration cannot be used
 * (it records nothing) asks none.
 */
public interface RunListenerProvider {

    /**
     * @param config the engine's configuration
     * @param store the store the configuration names, as configured (not wrapped by the engine's spool)
     * @throws io.batchtrack.config.ConfigException naming the key when the configuration is unusable;
     *     the engine then runs without this listener and logs why
     */
    RunListener create(TrackerConfig config, RunStore store);
}
