package io.batchtrack;

import io.batchtrack.internal.Names;

/**
 * Who started a run, stored in {@code batch_runs.triggered_by}.
 *
 * @param value a name matching {@code [a-z][a-z0-9_]{0,62}}, for example {@code github_actions}
 */
public record Trigger(String value) {
    public static final Trigger GITHUB_ACTIONS = new Trigger("github_actions");
    public static final Trigger MANUAL = new Trigger("manual");
    public static final Trigger API = new Trigger("api");

    /** @throws IllegalArgumentException if the value is not a valid name */
    public Trigger {
        Names.requireName("trigger", value);
    }

    /**
     * The seed's rule: {@code github_actions} when the {@code CI} environment variable is set,
     * {@code manual} otherwise. The engine applies it to runs unless the configuration key
     * {@code trigger} names another trigger ({@link io.batchtrack.config.EngineSettings#trigger()}).
     */
    public static Trigger detect() {
        return detect(System.getenv("CI"));
    }

    static Trigger detect(String ciVariable) {
        return ciVariable != null && !ciVariable.isEmpty() ? GITHUB_ACTIONS : MANUAL;
    }

    public static Trigger of(String value) {
        return new Trigger(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
