package io.batchtrack.agent.internal;

import io.batchtrack.BatchTracking;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import java.lang.instrument.Instrumentation;
import java.util.Map;

/**
 * Installs the agent once the api is on the bootstrap class path: reads the configuration, and
 * registers the transformer. Cheap on purpose: it builds no store and opens no connection (the
 * global engine is built from this configuration when the first tracked class is woven, off the
 * main thread, or at the first tracked call, whichever comes first), and it loads no Byte Buddy. It
 * uses no lambdas either: the first one costs a JVM that has not linked any yet some milliseconds.
 */
public final class AgentInstaller {
    /** The agent's own key: {@code false} turns the agent off (no weaving, nothing recorded). */

    private AgentInstaller() {}

    public static void install(String arguments, Instrumentation instrumentation) {
        BundledApi.check(ClassLoader.getSystemClassLoader());
        AgentArguments parsed = AgentArguments.parse(arguments);
        for (String problem : parsed.problems()) {
            Log.warn(problem);
        }
        if (AgentSwitch.certainlyOff(parsed.values())) {
            off();
            return;
        }
        TrackerConfig config;
        AgentSettings settings;
        try {
            config = TrackerConfig.fromEnvironment(parsed.values());
            config.requireReadableFile();
            settings = AgentSettings.from(config);
        } catch (ConfigException e) {
            Log.warn(e.getMessage() + "; batches run untracked");
            recordNothing();
            return;
        }
        if (!settings.enabled) {
            off();
            return;
        }
        BatchTracking.setGlobalConfig(config);
        ClassWeaver weaver = Weavers.of(config);
        JdkPropagation propagation = settings.propagate ? new JdkPropagation(instrumentation, weaver) : null;
        instrumentation.addTransformer(new TrackedBatchTransformer(new GlobalEngine(), weaver, propagation), false);
        if (propagation != null) {
            propagation.start();
        }
    }

    /**
     * {@code enabled=false}. The line goes to standard error directly, as {@code java.util.logging}'s console
     * would print it (without the header line of date and source): through the api's logger it would set up
     * {@code java.util.logging}, some 30 ms here, in a JVM that asked for the agent to cost nothing.
     */
    private static void off() {
        System.err.println("INFO: batchtrack agent is off (" + AgentSettings.ENABLED
                + "=false): no method is woven, no run is recorded");
        recordNothing();
    }

    /** Programmatic runs in this process record nothing either: the switch is for the whole process. */
    private static void recordNothing() {
        BatchTracking.setGlobalConfig(TrackerConfig.of(Map.of("store", "none")));
    }
}
