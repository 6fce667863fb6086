package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NflCalendarTest {

    private static Period at(String easternDateTime) {
        return NflCalendar.periodAt(LocalDateTime.parse(easternDateTime).atZone(NflCalendar.ZONE).toInstant());
    }

    @Test
    void kickoff_is_the_thursday_after_labor_day() {
        assertThat(NflCalendar.kickoff(2024)).isEqualTo(LocalDate.of(2024, 9, 5));
        assertThat(NflCalendar.kickoff(2025)).isEqualTo(LocalDate.of(2025, 9, 4));
        assertThat(NflCalendar.kickoff(2020)).isEqualTo(LocalDate.of(2020, 9, 10));
    }

    @Test
    void kickoff_games_are_in_regular_season_week_1() {
        assertThat(at("2024-09-05T20:20")).isEqualTo(Period.regular(2024, 1)); // Ravens at Chiefs
        assertThat(at("2025-09-04T20:20")).isEqualTo(Period.regular(2025, 1)); // Cowboys at Eagles
    }

    @Test
    void monday_night_belongs_to_the_week_that_started_on_tuesday() {
        assertThat(at("2024-09-09T23:59")).isEqualTo(Period.regular(2024, 1));
        assertThat(at("2024-09-10T00:00")).isEqualTo(Period.regular(2024, 2));
    }

    @Test
    void weeks_change_on_eastern_time_not_utc() {
        // 03:00 UTC on Tuesday is still Monday night in New York
        Instant mondayNight = LocalDateTime.parse("2024-09-10T03:00").toInstant(ZoneOffset.UTC);
        assertThat(NflCalendar.periodAt(mondayNight)).isEqualTo(Period.regular(2024, 1));
    }

    @Test
    void the_last_regular_season_week_is_18_since_2021() {
        assertThat(at("2025-01-05T13:00")).isEqualTo(Period.regular(2024, 18));
        assertThat(at("2026-01-04T13:00")).isEqualTo(Period.regular(2025, 18));
    }

    @Test
    void seasons_before_2021_had_17_weeks() {
        assertThat(at("2021-01-03T13:00")).isEqualTo(Period.regular(2020, 17));
        assertThat(at("2021-01-09T13:00")).isEqualTo(Period.of(2020, 1, SeasonType.POST));
    }

    @Test
    void playoff_rounds_are_postseason_weeks_1_to_3() {
        assertThat(at("2025-01-11T16:30")).isEqualTo(Period.of(2024, 1, SeasonType.POST)); // wild card
        assertThat(at("2025-01-18T16:30")).isEqualTo(Period.of(2024, 2, SeasonType.POST)); // divisional
        assertThat(at("2025-01-26T15:00")).isEqualTo(Period.of(2024, 3, SeasonType.POST)); // conference
    }

    @Test
    void the_super_bowl_and_the_open_week_before_it_are_postseason_week_4() {
        assertThat(at("2025-01-30T12:00")).isEqualTo(Period.of(2024, 4, SeasonType.POST)); // open week
        assertThat(at("2025-02-09T18:30")).isEqualTo(Period.of(2024, 4, SeasonType.POST)); // Super Bowl LIX
        assertThat(at("2026-02-08T18:30")).isEqualTo(Period.of(2025, 4, SeasonType.POST)); // Super Bowl LX
    }

    @Test
    void the_gap_between_seasons_belongs_to_the_next_preseason() {
        assertThat(at("2025-02-11T09:00")).isEqualTo(Period.of(2025, 0, SeasonType.PRE));
        assertThat(at("2025-06-15T09:00")).isEqualTo(Period.of(2025, 0, SeasonType.PRE));
        Instant june = LocalDateTime.parse("2025-06-15T09:00").atZone(NflCalendar.ZONE).toInstant();
        assertThat(NflCalendar.inSeason(june)).isFalse();
    }

    @Test
    void preseason_runs_from_the_hall_of_fame_game_to_the_opener() {
        assertThat(at("2025-07-31T20:00")).isEqualTo(Period.of(2025, 0, SeasonType.PRE)); // Hall of Fame game
        assertThat(at("2025-08-09T19:00")).isEqualTo(Period.of(2025, 1, SeasonType.PRE));
        assertThat(at("2025-08-23T19:00")).isEqualTo(Period.of(2025, 3, SeasonType.PRE));
        assertThat(at("2025-08-30T12:00")).isEqualTo(Period.of(2025, 3, SeasonType.PRE)); // cut-down week
        Instant hof = LocalDateTime.parse("2025-07-31T20:00").atZone(NflCalendar.ZONE).toInstant();
        assertThat(NflCalendar.inSeason(hof)).isTrue();
    }

    @Test
    void current_reads_the_given_clock() {
        Clock clock = Clock.fixed(Instant.parse("2025-12-21T18:00:00Z"), ZoneOffset.UTC);
        assertThat(NflCalendar.current(clock)).isEqualTo(Period.regular(2025, 16));
    }

    @Test
    void week_start_is_the_tuesday_of_the_week() {
        assertThat(NflCalendar.weekStart(Period.regular(2025, 1))).isEqualTo(LocalDate.of(2025, 9, 2));
        assertThat(NflCalendar.weekStart(Period.of(2024, 4, SeasonType.POST))).isEqualTo(LocalDate.of(2025, 1, 28));
        assertThat(NflCalendar.weekStart(Period.of(2025, 0, SeasonType.PRE))).isEqualTo(LocalDate.of(2025, 7, 29));
    }

    @Test
    void every_day_of_a_season_maps_to_a_week_whose_start_is_at_most_that_day() {
        LocalDate day = LocalDate.of(2024, 7, 30);
        while (day.isBefore(LocalDate.of(2025, 2, 11))) {
            Period p = NflCalendar.periodAt(day.atTime(12, 0).atZone(NflCalendar.ZONE).toInstant());
            assertThat(p.seasonYear()).as("season of %s", day).isEqualTo(2024);
            assertThat(NflCalendar.weekStart(p)).as("start of %s for %s", p, day).isBeforeOrEqualTo(day);
            assertThat(day).as("%s is within two weeks of the start of %s", day, p)
                    .isBefore(NflCalendar.weekStart(p).plusDays(14));
            day = day.plusDays(1);
        }
    }
}
