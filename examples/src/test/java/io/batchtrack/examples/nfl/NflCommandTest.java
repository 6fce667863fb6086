package io.batchtrack.examples.nfl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import org.junit.jupiter.api.Test;

class NflCommandTest {
    static final Period CURRENT = Period.regular(2026, 12);

    static NflCommand parse(String... args) throws NflCommand.UsageException {
        return NflCommand.parse(args, CURRENT);
    }

    @Test
    void aWeeklyUpdateNamesItsModeSeasonAndWeek() throws Exception {
        NflCommand cmd = parse("weekly-update", "--mode", "odds_only", "--season", "2024", "--week", "1");

        assertThat(cmd).isEqualTo(new NflCommand("weekly-update", "odds_only", Period.regular(2024, 1),
                java.util.Set.of()));
    }

    @Test
    void theModeDefaultsToFullAndThePeriodToTheCurrentNflWeek() throws Exception {
        NflCommand cmd = parse("weekly-update");

        assertThat(cmd.mode()).isEqualTo("full");
        assertThat(cmd.period()).isEqualTo(CURRENT);
    }

    @Test
    void failStepsAreRepeatableAndCommaSeparated() throws Exception {
        NflCommand cmd = parse("weekly-update", "--fail-step", "odds,schedule", "--fail-step", "game_logs");

        assertThat(cmd.failSteps()).containsExactlyInAnyOrder(Step.ODDS, Step.SCHEDULE, Step.GAME_LOGS);
    }

    @Test
    void aWeekWithoutSeasonTypeIsARegularSeasonWeek() throws Exception {
        NflCommand cmd = NflCommand.parse(new String[] {"predictions", "--week", "3"}, Period.of(2026, 2, SeasonType.POST));

        assertThat(cmd.period()).isEqualTo(Period.regular(2026, 3));
        assertThat(cmd.mode()).isNull();
    }

    @Test
    void aPostseasonWeekIsNamedWithTheSeasonType() throws Exception {
        NflCommand cmd = parse("roster-refresh", "--season", "2024", "--week", "4", "--season-type", "post");

        assertThat(cmd.period()).isEqualTo(Period.of(2024, 4, SeasonType.POST));
    }

    @Test
    void badCommandLinesAreRefusedWithAMessageNamingTheProblem() {
        assertThatThrownBy(() -> parse()).hasMessage("no command given");
        assertThatThrownBy(() -> parse("update")).hasMessage("unknown command 'update'");
        assertThatThrownBy(() -> parse("weekly-update", "--mode", "everything"))
                .hasMessageStartingWith("--mode everything: mode 'everything' is not one of");
        assertThatThrownBy(() -> parse("predictions", "--mode", "full"))
                .hasMessage("--mode applies to weekly-update only");
        assertThatThrownBy(() -> parse("weekly-update", "--week", "one")).hasMessage("--week one: not a number");
        assertThatThrownBy(() -> parse("weekly-update", "--week", "19")).hasMessageContaining("week 19 is outside");
        assertThatThrownBy(() -> parse("weekly-update", "--week")).hasMessage("--week needs a value");
        assertThatThrownBy(() -> parse("weekly-update", "--verbose")).hasMessage("unknown option '--verbose'");
        assertThatThrownBy(() -> parse("weekly-update", "--fail-step", "network"))
                .hasMessageStartingWith("--fail-step network: step 'network' is not one of");
    }

    @Test
    void helpIsAUsageExceptionWithoutMessage() {
        assertThatThrownBy(() -> parse("weekly-update", "--help"))
                .isInstanceOf(NflCommand.UsageException.class)
                .hasMessage(null);
    }
}
