package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.internal.JsonReader;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code batchtrack readiness}: the seed's "a week's readiness" without psql. */
@ExtendWith(PostgresExtension.class)
class ReadinessCommandTest {

    @Test
    void aWeeksRowIsOneLineOfTheTable(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.record(db); // the successful runs of 2025 week 17 refreshed its row

        assertThat(runs.run("readiness", "--season", "2025", "--week", "17")).as(runs.err()).isZero();

        List<String> lines = runs.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("period       schedule_complete  predictions_available  games_count"
                + "  predictions_count  updated_at           last_run_id");
        assertThat(lines.get(2)).startsWith("2025/reg/17  yes                yes                    16           180"
                + "                ");
        assertThat(lines.get(3)).isEqualTo("(1 row)");
    }

    @Test
    void theCurrentWeekIsTheNflCalendarsAndAWeekWithoutARowSaysSo(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.record(db);
        Period current = NflCalendar.current();
        new Fixture(db).execute("INSERT INTO data_readiness (season_year, week, season_type, schedule_complete,"
                + " predictions_available, games_count, predictions_count, updated_at) VALUES (" + current.seasonYear()
                + ", " + current.week() + ", '" + current.seasonType().code() + "', true, false, 14, 0, now())"
                + " ON CONFLICT DO NOTHING");

        assertThat(runs.run("readiness", "--current")).as(runs.err()).isZero();
        assertThat(runs.out()).contains(current.seasonYear() + "/" + current.seasonType().code() + "/"
                + current.week() + "  ");

        assertThat(runs.run("readiness", "--season", "2025", "--week", "3", "--season-type", "post")).isZero();
        assertThat(runs.out().strip()).isEqualTo("no data_readiness row for season_year 2025, week 3, season_type post");
    }

    @Test
    void withJsonTheRowIsOneObjectWithTheColumnNames(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.record(db);

        assertThat(runs.run("readiness", "--season", "2025", "--week", "17", "--json")).as(runs.err()).isZero();

        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) JsonReader.parse(runs.out().strip());
        assertThat(row).containsEntry("season_year", 2025L).containsEntry("week", 17L)
                .containsEntry("season_type", "reg").containsEntry("games_count", 16L)
                .containsEntry("schedule_complete", true);
        assertThat(runs.run("readiness", "--season", "2025", "--week", "5", "--json")).isZero();
        assertThat(runs.out()).isEmpty();
    }

    @Test
    void aWeekMustBeGivenOnceAndWithinItsPartOfTheSeason(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.nothing(db);

        assertThat(runs.run("readiness")).isEqualTo(2);
        assertThat(runs.err()).contains("readiness needs --current, or --season and --week");
        assertThat(runs.run("readiness", "--week", "17")).isEqualTo(2);
        assertThat(runs.err()).contains("readiness needs both --season and --week");
        assertThat(runs.run("readiness", "--current", "--week", "17")).isEqualTo(2);
        assertThat(runs.err()).contains("either --current or --season/--week/--season-type, not both");
        assertThat(runs.run("readiness", "--season", "2025", "--week", "0")).isEqualTo(2);
        assertThat(runs.err()).contains("--week 0 is outside 1..18 for --season-type reg");
        assertThat(runs.run("readiness", "--season", "2025", "--week", "5", "--season-type", "playoffs")).isEqualTo(2);
        assertThat(runs.err()).contains("--season-type 'playoffs' is not one of pre, reg, post");
    }
}
