package io.batchtrack.examples.nfl;

import java.util.Locale;

/** The steps of the example's batches and the dependency each calls; each can be made to fail with {@code --fail-step}. */
public enum Step {
    SCHEDULE("schedule API", true, 0),
    GAME_LOGS("box score API", true, 8),
    ODDS("odds API", true, 8),
    PREDICTIONS("prediction model", false, 8),
    ROSTER("roster transactions API", true, 0);

    private final String dependency;
    private final boolean externalApi;
    private final int callsBeforeOutage;

    Step(String dependency, boolean externalApi, int callsBeforeOutage) {
        this.dependency = dependency;
        this.externalApi = externalApi;
        this.callsBeforeOutage = callsBeforeOutage;
    }

    /** The name used on the command line: {@code schedule}, {@code game_logs}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a call counts in {@code api_calls_made}; the prediction model runs in-process. */
    boolean externalApi() {
        return externalApi;
    }

    /**
     * Calls that succeed before a failing dependency goes down: the per-game ones fail halfway through
     * the week, so the step has written rows that its rollback must undo.
     */
    int callsBeforeOutage() {
        return callsBeforeOutage;
    }

    SimulatedOutage outage() {
        return new SimulatedOutage(dependency + " unavailable: HTTP 503 Service Unavailable (simulated by --fail-step "
                + code() + ")");
    }

    /** @throws IllegalArgumentException naming the value and the steps there are */
    public static Step fromCode(String code) {
        for (Step s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("step '" + code + "' is not one of schedule, game_logs, odds, predictions,"
                + " roster");
    }
}
