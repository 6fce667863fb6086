package io.batchtrack.schedule;

import io.batchtrack.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation: every expectation with its slots, and the overdue runs.
 *
 * @param at the moment it was evaluated
 */
public record ScheduleReport(Instant at, List<ExpectationStatus> expectations, List<OverdueRun> overdue) {
    public ScheduleReport {
        Objects.requireNonNull(at, "at");
        expectations = List.copyOf(expectations);
        overdue = List.copyOf(overdue);
    }

    /**
     * One line per problem: each expectation whose newest due slot is missed, failed or late (or
     * whose row cannot be evaluated), and each overdue run. Empty when all is well.
     */
    public List<String> problems() {
        List<String> lines = new ArrayList<>();
        for (ExpectationStatus e : expectations) {
            if (e.invalid() != null) {
                lines.add(e.expectation().name() + ": invalid expectation: " + e.invalid());
                continue;
            }
            Slot s = e.latestDue();
            if (s != null && s.state().isProblem()) {
                lines.add(e.expectation().name() + ", " + describe(s.period()) + ": " + s.state().code()
                        + " (occurrence " + s.occurrence() + ", due " + s.due()
                        + (s.runId() == null ? "" : ", run " + s.runId()) + ")");
            }
        }
        for (OverdueRun o : overdue) {
            ObservedRun r = o.run();
            lines.add(r.batchType() + (r.mode() == null ? "" : "/" + r.mode()) + ": overdue run " + r.id()
                    + " (started " + r.startedAt() + ", running for " + minutes(o.runningFor()) + ", limit "
                    + minutes(o.limit()) + ": " + o.rule() + ")");
        }
        return lines;
    }

    /** {@code 2026 week 13}, {@code 2026 preseason week 2}, {@code 2026 postseason week 1}. */
    public static String describe(Period p) {
        switch (p.seasonType()) {
            case PRE: return p.seasonYear() + " preseason week " + p.week();
            case POST: return p.seasonYear() + " postseason week " + p.week();
            default: return p.seasonYear() + " week " + p.week();
        }
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min";
    }
}
