package io.batchtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.Period;
import io.batchtrack.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every state of a slot, the early tolerance, a spooled run arriving late and a type with two modes,
 * on an injected clock. weekly_update is expected Tuesdays 06:00 New York with a 2 h grace: the
 * Tuesday of 2026 week 13 is 2026-12-01 (06:00 EST = 11:00Z, due 13:00Z).
 */
class SlotStatesTest {
    private static final Instant TUESDAY = Instant.parse("2026-12-01T11:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-01T13:00:00Z");
    private static final Instant DECLARED = Instant.parse("2026-11-20T00:00:00Z");
    private static final Expectation WEEKLY = Expectation.declare("weekly_update", null, "0 6 * * 2", null,
            Duration.ofHours(2), null, DECLARED);

    private final ListHistory history = new ListHistory();

    @Test
    void aSlotIsPendingUntilDueThenMissedWithoutARun() {
        assertThat(latest(WEEKLY, TUESDAY.plusSeconds(60)).state()).isEqualTo(SlotState.PENDING);
        assertThat(latest(WEEKLY, DUE.minusSeconds(1)).state()).isEqualTo(SlotState.PENDING);

        Slot missed = latest(WEEKLY, DUE);
        assertThat(missed.state()).isEqualTo(SlotState.MISSED);
        assertThat(missed.occurrence()).isEqualTo(TUESDAY);
        assertThat(missed.due()).isEqualTo(DUE);
        assertThat(missed.runId()).isNull();
        assertThat(missed.period()).isEqualTo(Period.regular(2026, 13));
    }

    @Test
    void aRunCompletedByTheDueTimeIsOkEvenBeforeItAndOneCompletedAfterIsLate() {
        ObservedRun run = history.add("weekly_update", "full", RunStatus.PARTIAL, TUESDAY.plusSeconds(5),
                TUESDAY.plusSeconds(3_600));
        assertThat(latest(WEEKLY, TUESDAY.plusSeconds(3_601))).extracting(Slot::state, Slot::runId)
                .containsExactly(SlotState.OK, run.id());

        history.runs.clear();
        ObservedRun late = history.add("weekly_update", "full", RunStatus.SUCCESS, TUESDAY.plusSeconds(5),
                DUE.plusSeconds(60));
        assertThat(latest(WEEKLY, DUE.plusSeconds(120))).extracting(Slot::state, Slot::runId)
                .containsExactly(SlotState.LATE, late.id());
    }

    @Test
    void aRunStillRunningAtTheDueTimeIsRunningAndOnlyFailedRunsAreFailed() {
        ObservedRun failed = history.add("weekly_update", null, RunStatus.FAILED, TUESDAY.plusSeconds(5),
                TUESDAY.plusSeconds(600));
        assertThat(latest(WEEKLY, DUE.plusSeconds(1))).extracting(Slot::state, Slot::runId)
                .containsExactly(SlotState.FAILED, failed.id());

        ObservedRun retry = history.add("weekly_update", null, RunStatus.RUNNING, TUESDAY.plusSeconds(700), null);
        assertThat(latest(WEEKLY, DUE.plusSeconds(1))).extracting(Slot::state, Slot::runId)
                .containsExactly(SlotState.RUNNING, retry.id());
    }

    @Test
    void aSkippedRunBelongsToNoSlot() {
        history.add("weekly_update", null, RunStatus.SKIPPED, TUESDAY.plusSeconds(5), TUESDAY.plusSeconds(5));

        assertThat(latest(WEEKLY, DUE).state()).isEqualTo(SlotState.MISSED);
    }

    @Test
    void aRunStartedUpToFiveMinutesEarlyBelongsToTheComingOccurrence() {
        ObservedRun early = history.add("weekly_update", null, RunStatus.SUCCESS, TUESDAY.minusSeconds(299),
                TUESDAY.plusSeconds(60));
        ScheduleReport report = evaluate(WEEKLY, DUE);
        assertThat(report.expectations().get(0).slots().get(0)).extracting(Slot::state, Slot::runId)
                .containsExactly(SlotState.OK, early.id());

        history.runs.clear();
        history.add("weekly_update", null, RunStatus.SUCCESS, TUESDAY.minusSeconds(301), TUESDAY.plusSeconds(60));
        List<Slot> slots = evaluate(WEEKLY, DUE).expectations().get(0).slots();
        assertThat(slots.get(0).state()).as("six minutes early is the week before's run").isEqualTo(SlotState.MISSED);
        assertThat(slots.get(1).state()).as("the week before's slot, completed after its due time")
                .isEqualTo(SlotState.LATE);
    }

    @Test
    void aRunStartedEarlyOpensTheComingSlotBeforeItsOccurrence() {
        ObservedRun early = history.add("weekly_update", null, RunStatus.SUCCESS, TUESDAY.minusSeconds(240),
                TUESDAY.minusSeconds(180));

        List<Slot> slots = evaluate(WEEKLY, TUESDAY.minusSeconds(120)).expectations().get(0).slots();

        assertThat(slots.get(0)).extracting(Slot::occurrence, Slot::state, Slot::runId)
                .containsExactly(TUESDAY, SlotState.OK, early.id());
        assertThat(slots.get(1).state()).as("the week before's slot keeps no run of this week").isEqualTo(SlotState.MISSED);
    }

    @Test
    void everyMinuteTheToleranceIsAQuarterOfTheIntervalSoARunStaysInItsSlot() {
        Expectation minutely = Expectation.declare("odds_sync", null, "* * * * *", "UTC", Duration.ofSeconds(50), null,
                DECLARED);
        Instant minute = Instant.parse("2026-12-01T12:00:00Z");
        ObservedRun run = history.add("odds_sync", null, RunStatus.SUCCESS, minute.plusSeconds(30), minute.plusSeconds(32));

        for (int later : new int[] {33, 50, 65, 130}) {
            List<Slot> slots = evaluate(minutely, minute.plusSeconds(later)).expectations().get(0).slots();
            Slot own = slots.stream().filter(sl -> sl.occurrence().equals(minute)).findFirst().orElseThrow();
            assertThat(own).as("at +" + later + " s").extracting(Slot::state, Slot::runId)
                    .containsExactly(SlotState.OK, run.id());
        }
        List<Slot> slots = evaluate(minutely, minute.plusSeconds(46)).expectations().get(0).slots();
        assertThat(slots.get(0).occurrence()).as("the next minute's slot opens 15 s early")
                .isEqualTo(minute.plusSeconds(60));
        assertThat(slots.get(0).state()).isEqualTo(SlotState.PENDING);
    }

    @Test
    void aSpooledRunArrivingAfterTheOutageTurnsMissedIntoOkWithItsRealTimes() {
        Instant now = DUE.plusSeconds(3 * 3_600);
        assertThat(latest(WEEKLY, now).state()).isEqualTo(SlotState.MISSED);

        // the batch ran on time during a database outage; its spool replays the rows with their real times
        history.add("weekly_update", "full", RunStatus.SUCCESS, TUESDAY.plusSeconds(30), TUESDAY.plusSeconds(1_800));

        assertThat(latest(WEEKLY, now).state()).isEqualTo(SlotState.OK);
    }

    @Test
    void aSpooledRunThatItselfCompletedAfterTheDueTimeArrivesAsLateNotOk() {
        Instant now = DUE.plusSeconds(6 * 3_600);
        assertThat(latest(WEEKLY, now).state()).isEqualTo(SlotState.MISSED);

        // started on time, but finished half an hour past the due time; the spool delivers it hours later
        ObservedRun slow = history.add("weekly_update", "full", RunStatus.SUCCESS, TUESDAY.plusSeconds(30),
                DUE.plusSeconds(1_800));

        assertThat(latest(WEEKLY, now)).extracting(Slot::state, Slot::runId).containsExactly(SlotState.LATE, slow.id());
    }

    @Test
    void aTypeWithTwoModesHasASlotPerModeAndAModeOnlyCountsItsOwnRuns() {
        Expectation full = Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(2), null,
                DECLARED);
        Expectation odds = Expectation.declare("weekly_update", "odds_only", "0 12 * * *", null, Duration.ofHours(1),
                null, DECLARED);
        history.add("weekly_update", "full", RunStatus.SUCCESS, TUESDAY.plusSeconds(5), TUESDAY.plusSeconds(600));
        Instant now = Instant.parse("2026-12-01T18:30:00Z"); // Tuesday 13:30 EST: the odds slot of 12:00 is due

        ScheduleReport report = new ScheduleEvaluator(history, Clock.fixed(now, ZoneOffset.UTC))
                .evaluate(List.of(full, odds));

        assertThat(report.expectations().get(0).slots().get(0).state()).isEqualTo(SlotState.OK);
        assertThat(report.expectations().get(1).slots().get(0).state())
                .as("the full run does not satisfy odds_only").isEqualTo(SlotState.MISSED);
        assertThat(report.problems()).containsExactly("weekly_update/odds_only, 2026 week 13: missed (occurrence"
                + " 2026-12-01T17:00:00Z, due 2026-12-01T18:00:00Z)");
    }

    @Test
    void onlyOccurrencesAfterTheDeclarationAreSlotsNewestFirstAndTheNextDueTimeIsGiven() {
        Expectation daily = Expectation.declare("roster_refresh", null, "0 5 * * *", null, Duration.ofMinutes(30),
                null, Instant.parse("2026-11-28T12:00:00Z"));

        ExpectationStatus status = evaluate(daily, Instant.parse("2026-12-01T10:10:00Z")).expectations().get(0);

        assertThat(status.slots()).extracting(Slot::occurrence).containsExactly(Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(status.nextDue()).as("today's pending slot").isEqualTo(Instant.parse("2026-12-01T10:30:00Z"));
        assertThat(status.latestDue().occurrence()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void aRowWrittenInSqlThatDoesNotParseIsReportedNotThrown() {
        Expectation bad = new Expectation("weekly_update", null, "0 25 * * 2", "America/New_York", Duration.ZERO, null,
                Expectation.OPERATOR, DECLARED);

        ScheduleReport report = evaluate(bad, DUE);

        assertThat(report.problems()).singleElement().asString().startsWith("weekly_update: invalid expectation:"
                + " cron '0 25 * * 2' does not parse");
    }

    private Slot latest(Expectation e, Instant now) {
        return evaluate(e, now).expectations().get(0).slots().get(0);
    }

    private ScheduleReport evaluate(Expectation e, Instant now) {
        return new ScheduleEvaluator(history, Clock.fixed(now, ZoneOffset.UTC)).evaluate(List.of(e));
    }
}
