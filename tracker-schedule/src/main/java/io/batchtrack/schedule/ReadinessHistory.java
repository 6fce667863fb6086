package io.batchtrack.schedule;

import java.util.List;

/** The readiness rows an evaluation reads: {@code data_readiness} in PostgreSQL, or a list in a test. */
public interface ReadinessHistory {
    /** Every week's row of the seasons {@code fromSeasonYear} to {@code toSeasonYear}, in any order. */
    List<WeekReadiness> weeks(int fromSeasonYear, int toSeasonYear);
}
