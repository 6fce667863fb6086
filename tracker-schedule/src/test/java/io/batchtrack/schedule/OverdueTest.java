package io.batchtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overdue runs (issue 14, item 3), in the same evaluation as the slots. */
class OverdueTest {
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final Instant DECLARED = Instant.parse("2026-11-01T00:00:00Z");

    private final ListHistory history = new ListHistory();

    @Test
    void aRunningRunIsOverduePastItsExpectationsMaximumDuration() {
        Expectation e = Expectation.declare("weekly_update", null, "0 6 * * 2", null, Duration.ofHours(2),
                Duration.ofHours(1), DECLARED);
        ObservedRun longRun = history.add("weekly_update", "full", RunStatus.RUNNING, NOW.minusSeconds(3_601), null);
        history.add("weekly_update", "full", RunStatus.RUNNING, NOW.minusSeconds(3_599), null);

        List<OverdueRun> overdue = evaluate(List.of(e)).overdue();

        assertThat(overdue).singleElement().satisfies(o -> {
            assertThat(o.run().id()).isEqualTo(longRun.id());
            assertThat(o.limit()).isEqualTo(Duration.ofHours(1));
            assertThat(o.rule()).isEqualTo("max_duration of weekly_update");
        });
    }

    @Test
    void withoutAMaximumTheLimitIsOneAndAHalfTimesThe95thPercentileOfTheLast20Successes() {
        // 19 successes of 10 minutes and one of 40: p95 of 20 (the 19th of 20) is 10 minutes, the limit 15
        for (int i = 0; i < 20; i++) {
            Instant start = NOW.minus(Duration.ofDays(30 - i));
            history.add("roster_refresh", null, RunStatus.SUCCESS, start, start.plus(Duration.ofMinutes(i == 5 ? 40 : 10)));
        }
        ObservedRun slow = history.add("roster_refresh", null, RunStatus.RUNNING, NOW.minus(Duration.ofMinutes(16)), null);
        history.add("roster_refresh", "full", RunStatus.RUNNING, NOW.minus(Duration.ofMinutes(16)), null); // no history

        ScheduleReport report = evaluate(List.of());

        assertThat(report.overdue()).singleElement().satisfies(o -> {
            assertThat(o.run().id()).isEqualTo(slow.id());
            assertThat(o.limit()).isEqualTo(Duration.ofMinutes(15));
            assertThat(o.rule()).isEqualTo("1.5 x p95 of the last 20 successful runs");
        });
        assertThat(report.problems()).singleElement().asString()
                .startsWith("roster_refresh: overdue run " + slow.id() + " (started ")
                .endsWith("running for 16 min, limit 15 min: 1.5 x p95 of the last 20 successful runs)");
    }

    @Test
    void fewerThanFiveSuccessesNeverMakeARunOverdue() {
        for (int i = 0; i < 4; i++) {
            Instant start = NOW.minus(Duration.ofDays(10 - i));
            history.add("roster_refresh", null, RunStatus.SUCCESS, start, start.plusSeconds(60));
        }
        history.add("roster_refresh", null, RunStatus.RUNNING, NOW.minus(Duration.ofHours(5)), null);

        assertThat(evaluate(List.of()).overdue()).isEmpty();
    }

    private ScheduleReport evaluate(List<Expectation> expectations) {
        return new ScheduleEvaluator(history, Clock.fixed(NOW, ZoneOffset.UTC)).evaluate(expectations);
    }
}
