package io.batchtrack.internal.weaving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchModes;
import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.SeasonType;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Trigger;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TrackedMethodTest {
    private static final Trigger TRIGGER = Trigger.MANUAL;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-02T18:00:00Z"), ZoneOffset.UTC);

    @SuppressWarnings("unused")
    static class Batches {
        @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE)
        void weekly(@TrackedBatch.Mode String mode, Period period) {}

        @TrackedBatch(type = BatchTypes.PREDICTION_GENERATION)
        int predictions(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week Integer week) {
            return 0;
        }

        @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE, mode = BatchModes.ODDS_ONLY)
        void playoffOdds(@TrackedBatch.SeasonYear long season, @TrackedBatch.Week int week,
                @TrackedBatch.Season String seasonType) {}

        @TrackedBatch(type = BatchTypes.ROSTER_REFRESH)
        CompletableFuture<String> roster() {
            return null;
        }

        @TrackedBatch(type = "Weekly Update")
        void badType() {}

        void notTracked() {}

        @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE)
        void modeOfWrongType(@TrackedBatch.Mode int mode, @TrackedBatch.Week int week) {}
    }

    private static TrackedMethod tracked(String name) {
        for (Method m : Batches.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return TrackedMethod.of(m);
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void a_period_argument_and_a_mode_argument_make_the_spec() {
        RunSpec spec = tracked("weekly").resolve(new Object[] {"full", Period.regular(2024, 1)}, TRIGGER, CLOCK);
        assertThat(spec).isEqualTo(new RunSpec("weekly_update", "full", Period.regular(2024, 1), Trigger.MANUAL));
    }

    @Test
    void annotated_numbers_make_a_regular_season_week() {
        RunSpec spec = tracked("predictions").resolve(new Object[] {2024, 7}, TRIGGER, CLOCK);
        assertThat(spec.period()).isEqualTo(Period.regular(2024, 7));
        assertThat(spec.mode()).isNull();
    }

    @Test
    void the_season_type_argument_and_the_fixed_mode_are_used() {
        RunSpec spec = tracked("playoffOdds").resolve(new Object[] {2024L, 4, "post"}, TRIGGER, CLOCK);
        assertThat(spec.period()).isEqualTo(Period.of(2024, 4, SeasonType.POST));
        assertThat(spec.mode()).isEqualTo("odds_only");
    }

    @Test
    void without_period_arguments_the_current_nfl_week_of_the_engine_clock_is_used() {
        TrackedMethod tracked = tracked("roster");
        assertThat(tracked.resolve(new Object[0], TRIGGER, CLOCK).period()).isEqualTo(Period.regular(2025, 9));
        assertThat(tracked.async()).isTrue();
        assertThat(tracked.member()).endsWith("TrackedMethodTest$Batches.roster");
    }

    @Test
    void bad_arguments_name_the_argument_and_the_rule() {
        assertThatThrownBy(() -> tracked("predictions").resolve(new Object[] {2024, 23}, TRIGGER, CLOCK))
                .hasMessage("week 23 is outside the reg season's range 1..18");
        assertThatThrownBy(() -> tracked("predictions").resolve(new Object[] {2024, null}, TRIGGER, CLOCK))
                .hasMessageEndingWith("TrackedMethodTest$Batches.predictions is null, not a number");
        assertThatThrownBy(() -> tracked("weekly").resolve(new Object[] {"full", null}, TRIGGER, CLOCK))
                .hasMessageEndingWith("TrackedMethodTest$Batches.weekly is null");
        assertThatThrownBy(() -> tracked("playoffOdds").resolve(new Object[] {2024L, 1, "playoffs"}, TRIGGER, CLOCK))
                .hasMessage("season type 'playoffs' is not one of pre, reg, post");
        assertThatThrownBy(() -> tracked("badType").resolve(new Object[0], TRIGGER, CLOCK))
                .hasMessage("batch type 'Weekly Update' does not match [a-z][a-z0-9_]{0,62}");
    }

    @Test
    void a_parameter_annotation_on_a_parameter_of_the_wrong_type_is_reported_when_planned() {
        TrackedMethod tracked = tracked("modeOfWrongType");
        assertThat(tracked.problem()).isEqualTo("@TrackedBatch.Mode parameter 0 of " + tracked.member()
                + " is a int, not a String");
        assertThatThrownBy(() -> tracked.resolve(new Object[] {1, 2}, TRIGGER, CLOCK)).hasMessage(tracked.problem());
        assertThat(tracked("weekly").problem()).isNull();
    }

    @Test
    void a_method_without_the_annotation_has_no_plan() {
        assertThat(tracked("notTracked")).isNull();
    }
}
