package io.batchtrack.examples.nfl;

import io.batchtrack.BatchModes;

/** The seed's modes of {@code update_weekly.py}, and which steps each runs. */
public enum WeeklyMode {
    FULL(BatchModes.FULL, true, true, true),
    ODDS_ONLY(BatchModes.ODDS_ONLY, false, false, true),
    INGEST_ONLY(BatchModes.INGEST_ONLY, true, true, false),
    SCHEDULE_ONLY(BatchModes.SCHEDULE_ONLY, true, false, false);

    private final String code;
    private final boolean schedule;
    private final boolean gameLogs;
    private final boolean odds;

    WeeklyMode(String code, boolean schedule, boolean gameLogs, boolean odds) {
        this.code = code;
        this.schedule = schedule;
        this.gameLogs = gameLogs;
        this.odds = odds;
    }

    /** The value of {@code batch_runs.batch_mode}. */
    public String code() {
        return code;
    }

    public boolean syncsSchedule() {
        return schedule;
    }

    public boolean ingestsGameLogs() {
        return gameLogs;
    }

    public boolean syncsOdds() {
        return odds;
    }

    /** @throws IllegalArgumentException naming the value and the modes there are */
    public static WeeklyMode fromCode(String code) {
        for (WeeklyMode m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode '" + code + "' is not one of full, odds_only, ingest_only, schedule_only");
    }
}
