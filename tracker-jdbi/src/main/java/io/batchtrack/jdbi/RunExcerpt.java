package io.batchtrack.jdbi;

import io.batchtrack.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run as lists show it: every column, but the error message and stack cut to a few hundred
 * characters and only the first few warnings, each message cut too, so that a list of a thousand
 * runs stays small whatever the runs hold (PostgreSQL does the cutting; the rest never leaves the
 * database). The lengths and the count tell what was left out; the whole run is
 * {@link BatchRunQueries#run}.
 *
 * @param run the run, with {@code errorMessage}, {@code errorStack} and {@code warnings} cut
 * @param warningsCount how many warnings the row keeps (its {@code warnings} array), shown or not
 * @param errorMessageLength the whole error message's length in characters, 0 if none
 * @param errorStackLength the whole stack excerpt's length in characters, 0 if none
 */
public record RunExcerpt(BatchRun run, int warningsCount, int errorMessageLength, int errorStackLength) {
    /** Characters of an error message or a warning message that a list shows. */
    public static final int MESSAGE_CHARS = 300;
    /** Characters of a stack that a list shows. */
    public static final int STACK_CHARS = 500;
    /** Warnings that a list shows per run. */
    public static final int WARNINGS_SHOWN = 5;

    public RunExcerpt {
        Objects.requireNonNull(run, "run");
    }

    /** The excerpt of a run read whole (the same cuts, made here rather than in the database). */
    public static RunExcerpt of(BatchRun r) {
        List<Warning> shown = new ArrayList<>();
        for (Warning w : r.warnings().subList(0, Math.min(WARNINGS_SHOWN, r.warnings().size()))) {
            shown.add(new Warning(w.stage(), cut(w.message(), MESSAGE_CHARS), w.at()));
        }
        BatchRun cut = new BatchRun(r.id(), r.parentRunId(), r.batchType(), r.batchMode(), r.seasonYear(), r.week(),
                r.seasonType(), r.triggeredBy(), r.status(), r.startedAt(), r.completedAt(), r.durationMs(),
                r.heartbeatAt(), r.apiCallsMade(), r.gamesProcessed(), r.gameLogsAdded(), r.predictionsGenerated(),
                r.predictionsSkipped(), r.oddsSynced(), r.errorsEncountered(), r.customMetrics(), shown,
                r.warningsDropped(), r.errorType(), cut(r.errorMessage(), MESSAGE_CHARS),
                cut(r.errorStack(), STACK_CHARS), r.host(), r.exclusive(), r.customMetricsDropped(), r.staleLimitMs(),
                r.recordedAt(), r.traceId());
        return new RunExcerpt(cut, r.warnings().size(), length(r.errorMessage()), length(r.errorStack()));
    }

    /** Whether the error message shown is only its beginning. */
    public boolean errorMessageCut() {
        return run.errorMessage() != null && run.errorMessage().length() < errorMessageLength;
    }

    /** Whether the stack shown is only its beginning. */
    public boolean errorStackCut() {
        return run.errorStack() != null && run.errorStack().length() < errorStackLength;
    }

    /** Warnings the row keeps beyond those shown. */
    public int warningsNotShown() {
        return Math.max(0, warningsCount - run.warnings().size());
    }

    private static String cut(String s, int chars) {
        return s == null || s.length() <= chars ? s : s.substring(0, chars);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
