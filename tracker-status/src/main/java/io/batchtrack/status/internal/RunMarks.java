package io.batchtrack.status.internal;

import io.batchtrack.schedule.Anomaly;
import io.batchtrack.schedule.RunFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run row shows its flags (issue 14): an {@code overdue} badge (the row is highlighted too)
 * and an anomaly badge whose hover lists them, then the anomalies in words in the row beneath.
 */
final class RunMarks {
    private RunMarks() {}

    /** The badges after the run's status; nothing for a run without flags. */
    static Markup flags(RunFlags.Flags flags) {
        List<Markup> marks = new ArrayList<>();
        if (flags.overdue()) {
            marks.add(StatusPage.fragment("overdueFlag").render());
        }
        if (!flags.anomalies().isEmpty()) {
            int n = flags.anomalies().size();
            marks.add(StatusPage.fragment("anomalyFlag").render("title", text(flags), "count", n,
                    "noun", n == 1 ? "anomaly" : "anomalies"));
        }
        return Markup.concat(marks);
    }

    /** The anomalies in words, for the row beneath the run; nothing when there are none. */
    static Markup anomalies(RunFlags.Flags flags) {
        if (flags.anomalies().isEmpty()) {
            return Markup.EMPTY;
        }
        return StatusPage.fragment("anomalies").render("noun", flags.anomalies().size() == 1 ? "Anomaly" : "Anomalies",
                "text", text(flags));
    }

    private static String text(RunFlags.Flags flags) {
        List<String> parts = new ArrayList<>();
        for (Anomaly a : flags.anomalies()) {
            parts.add(a.describe());
        }
        return String.join("; ", parts);
    }
}
