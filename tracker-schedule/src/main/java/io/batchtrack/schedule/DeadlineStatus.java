package io.batchtrack.schedule;

import io.batchtrack.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One readiness deadline at the moment of evaluation.
 *
 * @param weeks its occurrences in the evaluated weeks, newest first (the coming ones of the current
 *     week included, pending)
 * @param next the next occurrence after the moment that is a deadline (in a season), or null
 * @param invalid why the row cannot be evaluated (a cron or zone written in SQL that does not
 *     parse), or null; such a row has no occurrences and is a problem
 */
public record DeadlineStatus(ReadinessDeadline deadline, List<WeekDeadline> weeks, Instant next, String invalid) {
    public DeadlineStatus {
        Objects.requireNonNull(deadline, "deadline");
        weeks = List.copyOf(weeks);
    }

    /** The newest occurrence that has come, or null: the one {@code batchtrack check} judges. */
    public WeekDeadline latestPassed(Instant now) {
        for (WeekDeadline w : weeks) {
            if (!w.occurrence().isAfter(now)) {
                return w;
            }
        }
        return null;
    }

    /**
     * Each week's first occurrence, newest week first: the week's deadline (ready by it, ready by all
     * later ones of the week), what the status page's grid shows.
     */
    public List<WeekDeadline> firstOfEachWeek() {
        Map<Period, WeekDeadline> first = new LinkedHashMap<>();
        for (WeekDeadline w : weeks) { // newest first: an older one of the same week replaces it
            first.put(w.period(), w);
        }
        return new ArrayList<>(first.values());
    }
}
