package io.batchtrack.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation of the readiness deadlines.
 *
 * @param at the moment it was evaluated
 * @param from the first instant of the weeks it covers (a Tuesday 00:00 in New York)
 * @param to the end of the weeks it covers (the Tuesday after the current week's)
 * @param deadlines one per declared deadline, by flag
 */
public record ReadinessReport(java.time.Instant at, java.time.Instant from, java.time.Instant to,
        List<DeadlineStatus> deadlines) {
    public ReadinessReport {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        deadlines = List.copyOf(deadlines);
    }

    /** How many weeks it covers (a week across a daylight-saving change is an hour more or less than 7 days). */
    public int weeks() {
        return (int) Math.round(java.time.Duration.between(from, to).toHours() / (7 * 24.0));
    }

    /**
     * One line per problem: each deadline whose newest occurrence that has come is {@code late} (the
     * week's data is still not ready), and each row that cannot be evaluated. Empty when all is well.
     */
    public List<String> problems() {
        List<String> lines = new ArrayList<>();
        for (DeadlineStatus s : deadlines) {
            ReadinessDeadline d = s.deadline();
            if (s.invalid() != null) {
                lines.add(d.name() + ": invalid deadline: " + s.invalid());
                continue;
            }
            WeekDeadline w = s.latestPassed(at);
            if (w != null && w.state().isProblem()) {
                lines.add(d.name() + ", " + ScheduleReport.describe(w.period()) + ": " + w.state().code()
                        + " (deadline " + w.occurrence() + "; " + d.flag().column() + " is not true)");
            }
        }
        return lines;
    }
}
