package io.batchtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readiness deadlines on a fixed clock: predictions must be available Thursdays 12:00 New York. In
 * 2026, week 13 runs Tuesday 2026-12-01 to Monday 2026-12-07; its Thursday noon is 17:00 UTC (EST).
 */
class DeadlineStatesTest {
    private static final Instant DECLARED = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant THURSDAY_NOON = Instant.parse("2026-12-03T17:00:00Z");
    private static final Period WEEK_13 = Period.regular(2026, 13);
    private static final ReadinessDeadline PREDICTIONS = ReadinessDeadline.declare("predictions", "0 12 * * 4", null,
            DECLARED);

    @Test
    void beforeTheDeadlineWithoutDataItIsPending() {
        WeekDeadline d = newest(evaluate(PREDICTIONS, "2026-12-02T12:00:00Z", List.of()));

        assertThat(d.occurrence()).isEqualTo(THURSDAY_NOON);
        assertThat(d.period()).isEqualTo(WEEK_13);
        assertThat(d.state()).isEqualTo(DeadlineState.PENDING);
        assertThat(d.readyAt()).isNull();
    }

    @Test
    void readyBeforeTheDeadlineHasComeIsReady() {
        WeekDeadline d = newest(evaluate(PREDICTIONS, "2026-12-02T12:00:00Z",
                List.of(predictions(WEEK_13, "2026-12-02T09:00:00Z"))));

        assertThat(d.state()).isEqualTo(DeadlineState.READY);
        assertThat(d.readyAt()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void trueByTheDeadlineIsReadyAndTrueExactlyAtItToo() {
        assertThat(newest(evaluate(PREDICTIONS, "2026-12-04T12:00:00Z",
                List.of(predictions(WEEK_13, "2026-12-03T16:59:00Z")))).state()).isEqualTo(DeadlineState.READY);
        assertThat(newest(evaluate(PREDICTIONS, "2026-12-04T12:00:00Z",
                List.of(predictions(WEEK_13, "2026-12-03T17:00:00Z")))).state()).isEqualTo(DeadlineState.READY);
    }

    @Test
    void trueSinceAfterTheDeadlineIsReadyLate() {
        ReadinessReport report = evaluate(PREDICTIONS, "2026-12-04T12:00:00Z",
                List.of(predictions(WEEK_13, "2026-12-03T17:00:01Z")));

        assertThat(newest(report).state()).isEqualTo(DeadlineState.READY_LATE);
        assertThat(report.problems()).as("the data is there now: nothing to act on").isEmpty();
    }

    @Test
    void passedAndStillNotTrueIsLateAndAProblem() {
        ReadinessReport report = evaluate(PREDICTIONS, "2026-12-03T17:00:00Z",
                List.of(schedule(WEEK_13, "2026-12-01T11:00:00Z"))); // the other flag says nothing

        assertThat(newest(report).state()).isEqualTo(DeadlineState.LATE);
        assertThat(report.problems()).containsExactly("predictions readiness, 2026 week 13: late (deadline"
                + " 2026-12-03T17:00:00Z; predictions_available is not true)");
    }

    @Test
    void aFlagTrueSinceATimeNotRecordedCountsAsReady() {
        WeekReadiness before = new WeekReadiness(WEEK_13, false, null, true, null); // a row from before V6

        assertThat(newest(evaluate(PREDICTIONS, "2026-12-04T12:00:00Z", List.of(before))).state())
                .isEqualTo(DeadlineState.READY);
    }

    @Test
    void sixWeeksAreTheCurrentOneAndTheFiveBeforeNewestFirstEachWithItsWeek() {
        List<WeekReadiness> rows = List.of(predictions(Period.regular(2026, 8), "2026-10-28T12:00:00Z"),
                predictions(Period.regular(2026, 12), "2026-11-27T12:00:00Z"));

        ReadinessReport report = evaluate(PREDICTIONS, "2026-12-02T12:00:00Z", rows);

        assertThat(report.from()).isEqualTo(Instant.parse("2026-10-27T04:00:00Z")); // Tuesday 00:00 EDT, week 8
        assertThat(report.to()).isEqualTo(Instant.parse("2026-12-08T05:00:00Z")); // Tuesday 00:00 EST, week 14
        List<WeekDeadline> weeks = report.deadlines().get(0).weeks();
        assertThat(weeks).extracting(w -> w.period().week()).containsExactly(13, 12, 11, 10, 9, 8);
        assertThat(weeks).extracting(WeekDeadline::state).containsExactly(DeadlineState.PENDING,
                DeadlineState.READY_LATE, DeadlineState.LATE, DeadlineState.LATE, DeadlineState.LATE,
                DeadlineState.READY);
        assertThat(report.problems()).as("check judges the newest deadline that has come: week 12's")
                .isEmpty();
        assertThat(report.deadlines().get(0).next()).isEqualTo(THURSDAY_NOON);
    }

    @Test
    void onlyOccurrencesAfterTheDeclarationAreDeadlines() {
        ReadinessDeadline declaredLate = ReadinessDeadline.declare("predictions", "0 12 * * 4", null,
                Instant.parse("2026-11-20T00:00:00Z"));

        assertThat(evaluate(declaredLate, "2026-12-04T12:00:00Z", List.of()).deadlines().get(0).weeks())
                .extracting(WeekDeadline::occurrence)
                .containsExactly(THURSDAY_NOON, Instant.parse("2026-11-26T17:00:00Z"));
    }

    @Test
    void theOffSeasonHasNoDeadlinesAndTheNextIsInThePreseason() {
        // 2026-03-12: the 2025 season ended with the Super Bowl week (postseason week 4) on Monday 2026-02-09
        ReadinessDeadline sinceLastSeason = ReadinessDeadline.declare("predictions", "0 12 * * 4", null,
                Instant.parse("2025-09-01T00:00:00Z"));

        ReadinessReport report = evaluate(sinceLastSeason, "2026-03-12T18:00:00Z", List.of());

        DeadlineStatus s = report.deadlines().get(0);
        assertThat(s.weeks()).singleElement().satisfies(w -> {
            assertThat(w.occurrence()).isEqualTo(Instant.parse("2026-02-05T17:00:00Z"));
            assertThat(w.period()).isEqualTo(Period.of(2025, 4, SeasonType.POST));
        });
        assertThat(s.next()).isEqualTo(Instant.parse("2026-08-06T16:00:00Z")); // 2026 preseason week 0, EDT
        assertThat(report.problems()).as("the off-season's newest deadline passed long ago, late").hasSize(1);
    }

    @Test
    void aWeekWithSeveralOccurrencesShowsItsFirstInTheGrid() {
        ReadinessDeadline daily = ReadinessDeadline.declare("schedule", "0 6 * * *", "UTC", DECLARED);

        ReadinessReport report = evaluate(daily, "2026-12-04T12:00:00Z", List.of(
                schedule(WEEK_13, "2026-12-02T08:00:00Z")), 1);

        DeadlineStatus s = report.deadlines().get(0);
        // Saturday to Monday have not come, but the flag is true already: ready
        assertThat(s.weeks()).extracting(WeekDeadline::state).containsExactly(DeadlineState.READY,
                DeadlineState.READY, DeadlineState.READY, DeadlineState.READY, DeadlineState.READY,
                DeadlineState.READY_LATE, DeadlineState.READY_LATE);
        assertThat(s.firstOfEachWeek()).singleElement().satisfies(w -> {
            assertThat(w.occurrence()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
            assertThat(w.state()).isEqualTo(DeadlineState.READY_LATE);
        });
    }

    @Test
    void aRowWrittenInSqlThatDoesNotParseIsAProblemNotAnException() {
        ReadinessDeadline bad = new ReadinessDeadline(ReadinessFlag.SCHEDULE, "0 12 * * 9", "America/New_York",
                DECLARED);

        ReadinessReport report = evaluate(bad, "2026-12-04T12:00:00Z", List.of());

        assertThat(report.deadlines().get(0).weeks()).isEmpty();
        assertThat(report.problems()).singleElement().asString()
                .startsWith("schedule readiness: invalid deadline: cron '0 12 * * 9' does not parse");
    }

    @Test
    void badDeclarationsNameTheValueAndTheRule() {
        assertThatThrownBy(() -> ReadinessDeadline.declare("odds", "0 12 * * 4", null, DECLARED))
                .hasMessageStartingWith("readiness flag 'odds' is not one of schedule, predictions");
        assertThatThrownBy(() -> ReadinessDeadline.declare("schedule", "0 12 * *", null, DECLARED))
                .hasMessageContaining("cron '0 12 * *' does not parse")
                .hasMessageContaining("five fields: minute hour day-of-month month day-of-week");
        assertThatThrownBy(() -> ReadinessDeadline.declare("schedule", "0 12 * * 4", "Eastern", DECLARED))
                .hasMessage("zone 'Eastern' is not a known time zone: use an IANA name such as America/New_York or UTC");
        assertThatThrownBy(() -> new DeadlineEvaluator((a, b) -> List.of(), Clock.systemUTC())
                .evaluate(List.of(PREDICTIONS), 27)).hasMessage("weeks 27 is outside 1..26");
    }

    static ReadinessReport evaluate(ReadinessDeadline d, String now, List<WeekReadiness> rows) {
        return evaluate(d, now, rows, DeadlineEvaluator.DEFAULT_WEEKS);
    }

    static ReadinessReport evaluate(ReadinessDeadline d, String now, List<WeekReadiness> rows, int weeks) {
        ReadinessHistory history = (fromSeason, toSeason) -> rows;
        return new DeadlineEvaluator(history, Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).evaluate(List.of(d), weeks);
    }

    static WeekDeadline newest(ReadinessReport report) {
        return report.deadlines().get(0).weeks().get(0);
    }

    static WeekReadiness predictions(Period p, String since) {
        return new WeekReadiness(p, false, null, true, Instant.parse(since));
    }

    static WeekReadiness schedule(Period p, String since) {
        return new WeekReadiness(p, true, Instant.parse(since), false, null);
    }
}
