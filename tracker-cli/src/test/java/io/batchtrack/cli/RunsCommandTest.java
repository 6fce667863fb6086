package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.internal.JsonReader;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code batchtrack runs}: the seed's "latest run" and "a week's history" without psql. */
@ExtendWith(PostgresExtension.class)
class RunsCommandTest {

    @Test
    void theLatestRunIsTheFirstRowOfTheTableWithItsCountersAndItsWarningsAndErrorsBelow(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.record(db);

        assertThat(runs.run("runs")).as(runs.err()).isZero();

        List<String> lines = runs.out().lines().toList();
        assertThat(lines.get(0)).startsWith("type").contains("  mode  ").contains("period").contains("status")
                .contains("started").contains("took").contains("games").contains("warnings").endsWith("id");
        assertThat(lines.get(1)).matches("[- ]+");
        assertThat(lines.get(2)).startsWith("roster_refresh ").contains(" 2025/reg/17 ").contains(" running ")
                .contains("2025-12-24 10:00:");
        assertThat(lines.get(3)).startsWith("weekly_update ").contains(" ingest_only ").contains(" failed ");
        assertThat(lines.get(4)).contains(" odds_only ").contains(" partial ");
        assertThat(lines.get(6)).startsWith("weekly_update ").contains(" full ").contains(" success ")
                .containsPattern(" 16 +712 +0 +0 +0 +33 +0 +0 ");
        assertThat(lines.get(7)).contains(" 2024/reg/17 ");
        assertThat(lines).contains("(6 rows)", "row 2, weekly_update:",
                "    error java.lang.IllegalStateException: Box score feed returned HTTP 503 for game 2025_17_KC_PIT",
                "row 3, weekly_update:", "    warning [odds] No odds for 2 games", "row 4, prediction_generation:",
                "    custom metrics {\"models_loaded\":3}");
        // every column lines up under its header
        int took = lines.get(0).indexOf("took");
        assertThat(lines.get(6).substring(took)).as("took of the full update").startsWith("1.00 s");
    }

    @Test
    void filtersNarrowTheRowsAsTheHistoryEndpointDoes(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.record(db);

        assertThat(runs.run("runs", "--type", "weekly_update", "--season", "2025", "--week", "17", "--status",
                "partial")).as(runs.err()).isZero();
        assertThat(runs.out()).contains("(1 row)").contains(" odds_only ").doesNotContain(" full ");

        assertThat(runs.run("runs", "--limit", "2")).isZero();
        assertThat(runs.out()).contains("(2 rows)").contains("roster_refresh").contains("ingest_only");

        assertThat(runs.run("runs", "--season-type", "post")).isZero();
        assertThat(runs.out()).contains("(0 rows)");
    }

    @Test
    void withJsonEachRunIsOneObjectPerLineWithTheColumnNames(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.record(db);

        assertThat(runs.run("runs", "--json", "--type", "weekly_update", "--week", "17", "--season", "2025"))
                .as(runs.err()).isZero();

        List<String> lines = runs.out().lines().toList();
        assertThat(lines).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> failed = (Map<String, Object>) JsonReader.parse(lines.get(0));
        assertThat(failed).containsEntry("batch_type", "weekly_update").containsEntry("batch_mode", "ingest_only")
                .containsEntry("status", "failed").containsEntry("season_year", 2025L).containsEntry("week", 17L)
                .containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", RecordedRuns.FAILURE).containsEntry("errors_encountered", 1L);
        assertThat(failed.keySet()).startsWith("id", "parent_run_id", "batch_type");
    }

    @Test
    void aBadFilterExitsWithTwoNamingTheValueAndTheRule(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.record(db);

        assertThat(runs.run("runs", "--status", "done")).isEqualTo(2);
        assertThat(runs.err()).contains("--status 'done' is not one of running, success, partial, failed, skipped")
                .contains("usage: batchtrack <command>");
        assertThat(runs.run("runs", "--limit", "0")).isEqualTo(2);
        assertThat(runs.err()).contains("--limit 0 is outside 1..1000");
        assertThat(runs.run("runs", "--week", "twelve")).isEqualTo(2);
        assertThat(runs.err()).contains("--week 'twelve' is not a whole number");
        assertThat(runs.run("runs", "--type", "Weekly Update")).isEqualTo(2);
        assertThat(runs.err()).contains("--type 'Weekly Update' does not match [a-z][a-z0-9_]{0,62}");
        assertThat(runs.run("runs", "--season", "1900")).isEqualTo(2);
        assertThat(runs.err()).contains("--season 1900 is outside 1920..2100");
        assertThat(runs.run("runs", "--json", "--json")).isEqualTo(2);
        assertThat(runs.err()).contains("--json is given more than once");
        assertThat(runs.run("runs", "weekly_update")).isEqualTo(2);
        assertThat(runs.err()).contains("runs takes no argument 'weekly_update'");
    }

    @Test
    void anUnmigratedSchemaSaysToMigrateFirst(PostgresDatabase db) {
        RecordedRuns runs = RecordedRuns.nothing(db);

        assertThat(runs.run("runs")).isEqualTo(1);
        assertThat(runs.err()).contains("batchtrack runs failed: schema public is not at batchtrack version 4:"
                + " run batchtrack migrate first");
    }
}
