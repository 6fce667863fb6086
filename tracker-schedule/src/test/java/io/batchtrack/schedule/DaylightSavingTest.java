package io.batchtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each occurrence exactly once across the changes of 2026 in America/New_York: clocks jump from
 * 02:00 EST to 03:00 EDT on 2026-03-08 and fall back from 02:00 EDT to 01:00 EST on 2026-11-01.
 */
class DaylightSavingTest {
    private static final Instant DECLARED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aTimeInTheSpringGapHappensOnceWhenTheGapEnds() {
        List<Slot> slots = slots("30 2 * * *", Instant.parse("2026-03-09T12:00:00Z"), 3);

        assertThat(slots).extracting(Slot::occurrence).containsExactly(
                Instant.parse("2026-03-09T06:30:00Z"), // 02:30 EDT
                Instant.parse("2026-03-08T07:00:00Z"), // 02:30 does not exist: 03:00 EDT, when the gap ends
                Instant.parse("2026-03-07T07:30:00Z")); // 02:30 EST
    }

    @Test
    void aTimeInTheAutumnOverlapHappensOnceAtItsFirstInstant() {
        List<Slot> slots = slots("30 1 * * *", Instant.parse("2026-11-02T12:00:00Z"), 3);

        assertThat(slots).extracting(Slot::occurrence).containsExactly(
                Instant.parse("2026-11-02T06:30:00Z"), // 01:30 EST
                Instant.parse("2026-11-01T05:30:00Z"), // 01:30 EDT; 01:30 EST an hour later is the same occurrence
                Instant.parse("2026-10-31T05:30:00Z")); // 01:30 EDT
    }

    @Test
    void inTheRepeatedHourTheOccurrenceAlreadyPassedIsTheLatest() {
        // 01:10 EST on 2026-11-01: 01:30 EDT happened 40 minutes ago, though the wall clock reads earlier
        List<Slot> slots = slots("30 1 * * *", Instant.parse("2026-11-01T06:10:00Z"), 1);

        assertThat(slots).extracting(Slot::occurrence).containsExactly(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void hourlyOccurrencesGiveEachWallClockHourOnceOnBothDays() {
        assertThat(slots("0 * * * *", Instant.parse("2026-03-08T08:00:00Z"), 4)).extracting(Slot::occurrence)
                .containsExactly(Instant.parse("2026-03-08T08:00:00Z"), // 04:00 EDT
                        Instant.parse("2026-03-08T07:00:00Z"), // 03:00 EDT (02:00 fell in the gap: the same instant)
                        Instant.parse("2026-03-08T06:00:00Z"), // 01:00 EST
                        Instant.parse("2026-03-08T05:00:00Z")); // 00:00 EST
        assertThat(slots("0 * * * *", Instant.parse("2026-11-01T08:00:00Z"), 4)).extracting(Slot::occurrence)
                .containsExactly(Instant.parse("2026-11-01T08:00:00Z"), // 03:00 EST
                        Instant.parse("2026-11-01T07:00:00Z"), // 02:00 EST
                        Instant.parse("2026-11-01T05:00:00Z"), // 01:00 EDT, once
                        Instant.parse("2026-11-01T04:00:00Z")); // 00:00 EDT
    }

    @Test
    void onBothChangeDaysARunAtTheOccurrenceSatisfiesItsSlotAndTheGraceIsElapsedTime() {
        ListHistory history = new ListHistory();
        Expectation spring = Expectation.declare("roster_refresh", null, "30 2 * * *", null, Duration.ofMinutes(30),
                null, DECLARED);
        Instant gapEnd = Instant.parse("2026-03-08T07:00:00Z"); // 03:00 EDT, for 02:30 that did not exist
        ObservedRun onTime = history.add("roster_refresh", null, io.batchtrack.RunStatus.SUCCESS, gapEnd.plusSeconds(5),
                gapEnd.plusSeconds(29 * 60));
        Expectation autumn = Expectation.declare("weekly_update", null, "30 1 * * *", null, Duration.ofMinutes(30),
                null, DECLARED);
        Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z"); // 01:30 EDT
        // the wall clock reads 01:10 EST when it completes: 70 minutes of elapsed time, past the 30 minutes' grace
        ObservedRun late = history.add("weekly_update", null, io.batchtrack.RunStatus.SUCCESS,
                firstOneThirty.plusSeconds(5), Instant.parse("2026-11-01T06:40:00Z"));

        Slot springSlot = new ScheduleEvaluator(history, Clock.fixed(Instant.parse("2026-03-08T08:00:00Z"),
                ZoneOffset.UTC)).evaluate(List.of(spring)).expectations().get(0).slots().get(0);
        Slot autumnSlot = new ScheduleEvaluator(history, Clock.fixed(Instant.parse("2026-11-01T07:00:00Z"),
                ZoneOffset.UTC)).evaluate(List.of(autumn)).expectations().get(0).slots().get(0);

        assertThat(springSlot).extracting(Slot::occurrence, Slot::due, Slot::state, Slot::runId)
                .containsExactly(gapEnd, gapEnd.plusSeconds(1_800), SlotState.OK, onTime.id());
        assertThat(autumnSlot).extracting(Slot::occurrence, Slot::due, Slot::state, Slot::runId)
                .containsExactly(firstOneThirty, firstOneThirty.plusSeconds(1_800), SlotState.LATE, late.id());
    }

    @Test
    void theNextDueTimeAcrossTheSpringGap() {
        Expectation e = Expectation.declare("roster_refresh", null, "30 2 * * *", null, Duration.ZERO, null, DECLARED);
        ExpectationStatus status = new ScheduleEvaluator(new ListHistory(),
                Clock.fixed(Instant.parse("2026-03-07T12:00:00Z"), ZoneOffset.UTC)).evaluate(List.of(e))
                .expectations().get(0);

        assertThat(status.nextDue()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    private static List<Slot> slots(String cron, Instant now, int count) {
        Expectation e = Expectation.declare("roster_refresh", null, cron, null, Duration.ZERO, null, DECLARED);
        List<Slot> slots = new ScheduleEvaluator(new ListHistory(), Clock.fixed(now, ZoneOffset.UTC))
                .evaluate(List.of(e)).expectations().get(0).slots();
        return slots.subList(0, count);
    }
}
