package io.batchtrack.internal.engine;

import io.batchtrack.config.TrackerConfig;
import java.util.Objects;

/**
 * The process's global engine: the one {@code BatchTracking.setGlobal} installs, else one built from
 * this process's configuration (or the one {@code BatchTracking.setGlobalConfig} gave) on first
 * use. What {@code BatchTracker.start}, {@code Tracker}'s woven front doors, the agent and the
 * aspect use. Loading this class builds nothing: the agent names it in {@code premain}.
 */
public final class GlobalEngine {
    private static volatile Engine engine;
    private static TrackerConfig config; // guarded by GlobalEngine.class

    private GlobalEngine() {}

    public static Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (GlobalEngine.class) {
                e = engine;
                if (e == null) {
                    e = build();
                    engine = e; // remembered even when it could not be built: never rebuilt on every call
                }
            }
        }
        return e;
    }

    /** The configured engine; if even that fails (anything thrown), an engine that records nothing, logged once. */
    private static Engine build() {
        try {
            return EngineFactory.fromConfig(config != null ? config : TrackerConfig.fromEnvironment(), true);
        } catch (Throwable e) {
            Faults.logged("global-engine", "batchtrack could not build its engine; batches run untracked", e);
            return EngineFactory.none();
        }
    }

    /** The configuration the engine is built from on first use; no effect once it exists. */
    public static synchronized void configure(TrackerConfig configuration) {
        config = Objects.requireNonNull(configuration, "config");
    }

    /** Replaces the global engine; returns the previous one (null if none was built yet). */
    public static synchronized Engine set(Engine replacement) {
        Engine previous = engine;
        engine = Objects.requireNonNull(replacement, "engine");
        return previous;
    }
}
