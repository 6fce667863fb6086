package io.batchtrack.agent.internal;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;

/**
 * The agent's two switches, {@code enabled} and {@code propagation.enabled}, read and checked here
 * only. ({@link AgentSwitch} peeks at {@code enabled} before any configuration exists, for the
 * {@code enabled=false} fast path; {@link Weavers} reads the weaving cache's keys.)
 */
final class AgentSettings {
    static final String ENABLED = "enabled";
    /** {@code false} leaves the JDK's executors alone: only {@code Tracker.wrap} carries a run to other threads. */
    static final String PROPAGATION_ENABLED = "propagation.enabled";

    final boolean enabled;
    final boolean propagate;

    private AgentSettings(boolean enabled, boolean propagate) {
        this.enabled = enabled;
        this.propagate = propagate;
    }

    /** @throws ConfigException naming the key whose value is neither {@code true} nor {@code false} */
    static AgentSettings from(TrackerConfig config) {
        return new AgentSettings(config.getBoolean(ENABLED, true), config.getBoolean(PROPAGATION_ENABLED, true));
    }
}
