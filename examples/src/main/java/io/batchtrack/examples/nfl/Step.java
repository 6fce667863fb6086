package io.batchtrack.examples.nfl;

import java.util.Locale;

/** The steps of the example's batches; each can be made to fail with {@code --fail-step}. */
public enum Step {
    SCHEDULE("schedule API"),
    GAME_LOGS("box score API"),
    ODDS("odds API"),
    PREDICTIONS("prediction model"),
    ROSTER("roster transactions API");

    private final String dependency;

    Step(String dependency) {
        this.dependency = dependency;
    }

    /** The name used on the command line and in warnings: {@code schedule}, {@code game_logs}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outage this step reports when asked to fail. */
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
