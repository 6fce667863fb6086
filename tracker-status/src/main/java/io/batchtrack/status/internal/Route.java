package io.batchtrack.status.internal;

import static io.batchtrack.status.internal.StatusHandler.API;

/** The resources; anything else is a 404. */
enum Route {
    PAGE, LATEST, HISTORY, RUN, CURRENT_READINESS, WEEK_READINESS, LOSSES, EXPECTATIONS, READINESS_DEADLINES,
    METRICS;

    static final String READINESS_PREFIX = API + "data-readiness/";
    static final String RUN_PREFIX = API + "batch-runs/";

    static Route of(String path) {
        if (path == null) {
            return null;
        }
        switch (path) {
            case "/":
            case "/status":
                return PAGE;
            case API + "batch-runs/latest":
                return LATEST;
            case API + "batch-runs/history":
                return HISTORY;
            case READINESS_PREFIX + "current":
                return CURRENT_READINESS;
            case API + "losses":
                return LOSSES;
            case API + "expectations":
                return EXPECTATIONS;
            case "/metrics":
                return METRICS;
            case API + "readiness-deadlines":
                return READINESS_DEADLINES;
            default:
                if (oneSegmentAfter(path, RUN_PREFIX)) {
                    return RUN;
                }
                return oneSegmentAfter(path, READINESS_PREFIX) ? WEEK_READINESS : null;
        }
    }

    /** Whether {@code path} is {@code prefix} and one more non-empty segment. */
    private static boolean oneSegmentAfter(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }
}
