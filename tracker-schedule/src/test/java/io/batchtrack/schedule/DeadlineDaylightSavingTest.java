package io.batchtrack.schedule;

import static io.batchtrack.schedule.DeadlineStatesTest.evaluate;
import static io.batchtrack.schedule.DeadlineStatesTest.predictions;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.Period;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readiness deadlines across daylight-saving changes, in season: New York falls back from 02:00 EDT to
 * 01:00 EST on Sunday 2026-11-01 (2026 week 8); Sydney springs forward from 02:00 AEST to 03:00 AEDT on
 * Sunday 2026-10-04 (2026 week 4). The NFL's off-season holds New York's spring change.
 */
class DeadlineDaylightSavingTest {
    private static final Instant DECLARED = Instant.parse("2026-09-01T00:00:00Z");

    @Test
    void thursdayNoonIsSixteenUtcBeforeTheChangeAndSeventeenAfter() {
        ReadinessDeadline noon = ReadinessDeadline.declare("predictions", "0 12 * * 4", null, DECLARED);
        // both weeks' predictions arrived at 16:30 UTC on their Thursday
        List<WeekReadiness> rows = List.of(predictions(Period.regular(2026, 8), "2026-10-29T16:30:00Z"),
                predictions(Period.regular(2026, 9), "2026-11-05T16:30:00Z"));

        List<WeekDeadline> weeks = evaluate(noon, "2026-11-06T12:00:00Z", rows, 2).deadlines().get(0).weeks();

        assertThat(weeks).extracting(WeekDeadline::occurrence).containsExactly(
                Instant.parse("2026-11-05T17:00:00Z"), // 12:00 EST
                Instant.parse("2026-10-29T16:00:00Z")); // 12:00 EDT
        assertThat(weeks).extracting(WeekDeadline::state).containsExactly(DeadlineState.READY,
                DeadlineState.READY_LATE);
    }

    @Test
    void aTimeInTheAutumnOverlapIsOneDeadlineAtItsFirstInstant() {
        ReadinessDeadline early = ReadinessDeadline.declare("predictions", "30 1 * * 0", null, DECLARED);
        // between the two 01:30s of 2026-11-01: after the first (EDT), before the second (EST)
        List<WeekReadiness> rows = List.of(predictions(Period.regular(2026, 8), "2026-11-01T06:00:00Z"));

        List<WeekDeadline> weeks = evaluate(early, "2026-11-01T12:00:00Z", rows, 1).deadlines().get(0).weeks();

        assertThat(weeks).singleElement().satisfies(w -> {
            assertThat(w.occurrence()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
            assertThat(w.state()).isEqualTo(DeadlineState.READY_LATE);
        });
    }

    @Test
    void aTimeInTheSpringGapIsOneDeadlineWhenTheGapEnds() {
        ReadinessDeadline sydney = ReadinessDeadline.declare("schedule", "30 2 * * 0", "Australia/Sydney", DECLARED);

        List<WeekDeadline> weeks = evaluate(sydney, "2026-10-04T12:00:00Z", List.of(), 1).deadlines().get(0).weeks();

        // 02:30 does not exist in Sydney that night: 03:00 AEDT, 16:00 UTC on Saturday, New York's week 4
        assertThat(weeks).singleElement().satisfies(w -> {
            assertThat(w.occurrence()).isEqualTo(Instant.parse("2026-10-03T16:00:00Z"));
            assertThat(w.period()).isEqualTo(Period.regular(2026, 4));
            assertThat(w.state()).isEqualTo(DeadlineState.LATE);
        });
    }
}
