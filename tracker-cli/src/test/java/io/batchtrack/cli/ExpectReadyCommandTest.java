package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code batchtrack expect-ready} and readiness deadlines in {@code batchtrack check}, against
 * PostgreSQL. {@code check} runs at a fixed moment: Friday 2026-12-04 12:00 UTC, in 2026 week 13,
 * after that week's Thursday noon in New York (2026-12-03 17:00 UTC).
 */
@ExtendWith(PostgresExtension.class)
class ExpectReadyCommandTest {
    private static final Clock FRIDAY = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void expectReadyDeclaresReplacesListsAndRemoves(PostgresDatabase db) {
        RecordedRuns cli = migrated(db);

        assertThat(cli.run("expect-ready", "predictions", "--cron", "0 12 * * 4")).as(cli.err()).isZero();
        assertThat(cli.out()).contains(": expect predictions_available of each NFL week by '0 12 * * 4'"
                + " (America/New_York) during the season; declared ");
        assertThat(cli.run("expect-ready", "schedule", "--cron", "0 6 * * 3", "--zone", "UTC")).isZero();
        assertThat(cli.run("expect-ready", "schedule", "--cron", "0 8 * * 3", "--zone", "UTC")).isZero();

        Fixture f = new Fixture(db);
        assertThat(f.rows("SELECT flag, cron, zone FROM readiness_deadlines ORDER BY flag")).containsExactly(
                java.util.Map.of("flag", "predictions", "cron", "0 12 * * 4", "zone", "America/New_York"),
                java.util.Map.of("flag", "schedule", "cron", "0 8 * * 3", "zone", "UTC"));

        assertThat(cli.run("expect-ready", "--list")).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).startsWith("flag         column                 cron        zone              "
                + "declared_at          next_deadline");
        assertThat(lines.get(2)).startsWith("schedule     schedule_complete      0 8 * * 3   UTC");
        assertThat(lines.get(3)).startsWith("predictions  predictions_available  0 12 * * 4  America/New_York");
        assertThat(lines.get(4)).isEqualTo("(2 rows)");

        assertThat(cli.run("expect-ready", "--remove", "schedule")).isZero();
        assertThat(cli.out()).contains(": removed the readiness deadline of schedule");
        assertThat(cli.run("expect-ready", "--remove", "schedule")).isZero();
        assertThat(cli.out()).contains(": no readiness deadline of schedule to remove");
        assertThat(f.count("SELECT count(*) FROM readiness_deadlines")).isEqualTo(1);
    }

    @Test
    void badInputIsExitStatusTwoNamingTheValueAndTheRule(PostgresDatabase db) {
        RecordedRuns cli = migrated(db);

        assertThat(cli.run("expect-ready", "odds", "--cron", "0 12 * * 4")).isEqualTo(2);
        assertThat(cli.err()).contains("readiness flag 'odds' is not one of schedule, predictions");
        assertThat(cli.run("expect-ready", "predictions", "--cron", "0 12 * * 4 *")).isEqualTo(2);
        assertThat(cli.err()).contains("cron '0 12 * * 4 *' does not parse")
                .contains("five fields: minute hour day-of-month month day-of-week");
        assertThat(cli.run("expect-ready", "predictions", "--cron", "0 12 * * 4", "--zone", "Eastern")).isEqualTo(2);
        assertThat(cli.err()).contains("zone 'Eastern' is not a known time zone: use an IANA name such as"
                + " America/New_York or UTC");
        assertThat(cli.run("expect-ready", "predictions")).isEqualTo(2);
        assertThat(cli.err()).contains("expect-ready predictions needs --cron");
        assertThat(cli.run("expect-ready", "--remove", "games")).isEqualTo(2);
        assertThat(cli.err()).contains("readiness flag 'games' is not one of schedule, predictions");
        assertThat(cli.run("expect-ready", "--list", "--zone", "UTC")).isEqualTo(2);
        assertThat(cli.err()).contains("expect-ready --list takes no --zone");
        assertThat(cli.run("expect-ready", "--cron", "0 12 * * 4")).isEqualTo(2);
        assertThat(cli.err()).contains("expect-ready takes one of FLAG --cron EXPR, --list or --remove FLAG");
        assertThat(new Fixture(db).count("SELECT count(*) FROM readiness_deadlines")).isZero();
    }

    @Test
    void aLateDeadlineIsAProblemLineAndExitOneUntilTheWeeksDataIsThere(PostgresDatabase db) {
        RecordedRuns cli = migrated(db);
        Fixture f = new Fixture(db);
        f.execute("INSERT INTO readiness_deadlines (flag, cron, declared_at) VALUES ('predictions', '0 12 * * 4',"
                + " '2026-09-01T00:00:00Z')");

        assertThat(cli.runAt(FRIDAY, "check")).as(cli.err()).isEqualTo(1);
        assertThat(cli.out().lines()).containsExactly("predictions readiness, 2026 week 13: late (deadline"
                + " 2026-12-03T17:00:00Z; predictions_available is not true)");

        // the refresh found the week's predictions an hour after the deadline: ready late, no longer a problem
        f.execute("INSERT INTO data_readiness (season_year, week, season_type, schedule_complete,"
                + " predictions_available, games_count, predictions_count, updated_at, predictions_available_at)"
                + " VALUES (2026, 13, 'reg', true, true, 16, 256, '2026-12-03T18:00:00Z', '2026-12-03T18:00:00Z')");
        assertThat(cli.runAt(FRIDAY, "check")).as(cli.out()).isZero();
        assertThat(cli.out().strip()).isEqualTo("ok: 0 expectation(s); nothing missed, failed, late or overdue;"
                + " 1 readiness deadline(s), none past");
    }

    @Test
    void checkReportsLateReadinessBesideAMissedSlotAndAnInvalidDeadline(PostgresDatabase db) {
        RecordedRuns cli = migrated(db);
        Fixture f = new Fixture(db);
        f.execute("INSERT INTO batch_expectations (batch_type, cron, zone, grace, declared_at) VALUES"
                + " ('roster_refresh', '0 5 * * *', 'UTC', '0', '2026-11-01T00:00:00Z')");
        f.execute("INSERT INTO readiness_deadlines (flag, cron, declared_at) VALUES ('schedule', '0 6 * * 2',"
                + " '2026-09-01T00:00:00Z'), ('predictions', '0 12 * * 8', '2026-09-01T00:00:00Z')");

        assertThat(cli.runAt(FRIDAY, "check")).isEqualTo(1);

        assertThat(cli.out().lines()).containsExactly(
                "roster_refresh, 2026 week 13: missed (occurrence 2026-12-04T05:00:00Z, due 2026-12-04T05:00:00Z)",
                "schedule readiness, 2026 week 13: late (deadline 2026-12-01T11:00:00Z; schedule_complete is not"
                        + " true)",
                "predictions readiness: invalid deadline: cron '0 12 * * 8' does not parse (Failed to parse cron"
                        + " expression. Value 8 not in range [0, 7]): a cron expression has five fields: minute hour"
                        + " day-of-month month day-of-week, for example '0 6 * * 2'");
    }

    private static RecordedRuns migrated(PostgresDatabase db) {
        RecordedRuns cli = RecordedRuns.nothing(db);
        assertThat(cli.run("migrate")).as(cli.err()).isZero();
        return cli;
    }
}
