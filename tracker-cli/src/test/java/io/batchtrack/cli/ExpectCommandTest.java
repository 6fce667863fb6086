package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code batchtrack expect} and {@code batchtrack check}, against PostgreSQL and the real clock. */
@ExtendWith(PostgresExtension.class)
class ExpectCommandTest {

    @Test
    void expectDeclaresReplacesListsAndRemoves(PostgresDatabase db) {
        RecordedRuns cli = migrated(db);

        assertThat(cli.run("expect", "weekly_update", "--cron", "0 6 * * 2", "--grace", "2h", "--mode", "full",
                "--max-duration", "1h")).as(cli.err()).isZero();
        assertThat(cli.out()).contains(": expect weekly_update/full at '0 6 * * 2' (America/New_York), grace 2h,"
                + " max duration 1h; declared ").contains(", next due ");
        assertThat(cli.run("expect", "roster_refresh", "--cron", "0 5 * * *", "--zone", "UTC")).as(cli.err()).isZero();
        assertThat(cli.run("expect", "roster_refresh", "--cron", "0 4 * * *", "--zone", "UTC", "--grace", "0s"))
                .isZero();

        Fixture f = new Fixture(db);
        assertThat(f.rows("SELECT batch_type, batch_mode, cron, zone, grace::text AS grace, max_duration::text AS max,"
                + " source FROM batch_expectations ORDER BY batch_type")).containsExactly(
                        row("roster_refresh", "", "0 4 * * *", "UTC", "00:00:00", null),
                        row("weekly_update", "full", "0 6 * * 2", "America/New_York", "02:00:00", "01:00:00"));

        assertThat(cli.run("expect", "--list")).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).startsWith("type            mode  cron       zone              grace  max_duration"
                + "  source    declared_at          next_due");
        assertThat(lines.get(2)).startsWith("roster_refresh        0 4 * * *  UTC               0s");
        assertThat(lines.get(3)).startsWith("weekly_update   full  0 6 * * 2  America/New_York  2h     1h            operator");
        assertThat(lines.get(4)).isEqualTo("(2 rows)");
        assertThat(lines.get(0)).endsWith("next_due             last_due_slot");
        assertThat(lines.get(2)).as("declared just now: no slot is due yet").doesNotContain("missed");

        f.execute("UPDATE batch_expectations SET declared_at = now() - interval '3 days' WHERE batch_type = 'roster_refresh'");
        assertThat(cli.run("expect", "--list")).as(cli.err()).isZero();
        assertThat(cli.out().lines().toList().get(2)).as("the newest slot past its due time, as check judges it")
                .matches("roster_refresh .* missed, \\d{4} (preseason |postseason )?week \\d+");

        assertThat(cli.run("expect", "--remove", "weekly_update", "--mode", "full")).isZero();
        assertThat(cli.out()).contains(": removed the expectation of weekly_update/full");
        assertThat(cli.run("expect", "--remove", "weekly_update")).isZero();
        assertThat(cli.out()).contains(": no expectation of weekly_update to remove");
        assertThat(f.count("SELECT count(*) FROM batch_expectations")).isEqualTo(1);
    }

    @Test
    void badInputIsExitStatusTwoNamingTheValueAndTheRule(PostgresDatabase db) {
        RecordedRuns cli = migrated(db);

        assertThat(cli.run("expect", "weekly_update", "--cron", "0 6 * * 2 2026")).isEqualTo(2);
        assertThat(cli.err()).contains("cron '0 6 * * 2 2026' does not parse")
                .contains("five fields: minute hour day-of-month month day-of-week");
        assertThat(cli.run("expect", "weekly_update", "--cron", "0 6 * * 2", "--zone", "Eastern")).isEqualTo(2);
        assertThat(cli.err()).contains("zone 'Eastern' is not a known time zone: use an IANA name such as"
                + " America/New_York or UTC");
        assertThat(cli.run("expect", "weekly_update", "--cron", "0 6 * * 2", "--grace", "-2h")).isEqualTo(2);
        assertThat(cli.err()).contains("--grace -2h is negative: it must be zero or more (for example 2h)");
        assertThat(cli.run("expect", "weekly_update")).isEqualTo(2);
        assertThat(cli.err()).contains("expect weekly_update needs --cron");
        assertThat(cli.run("expect", "Weekly-Update", "--cron", "0 6 * * 2")).isEqualTo(2);
        assertThat(cli.err()).contains("TYPE 'Weekly-Update' does not match [a-z][a-z0-9_]{0,62}");
        assertThat(cli.run("expect", "--list", "--cron", "0 6 * * 2")).isEqualTo(2);
        assertThat(cli.err()).contains("expect --list takes no --cron");
        assertThat(cli.run("expect", "weekly_update", "roster_refresh", "--cron", "0 6 * * 2")).isEqualTo(2);
        assertThat(new Fixture(db).count("SELECT count(*) FROM batch_expectations")).isZero();
    }

    @Test
    void checkExitsOneWithAProblemPerLineAndZeroOnceTheSlotIsSatisfied(PostgresDatabase db) {
        RecordedRuns cli = migrated(db);
        assertThat(cli.run("check")).as(cli.err()).isZero();
        assertThat(cli.out().strip()).isEqualTo("ok: 0 expectation(s); nothing missed, failed, late or overdue");

        // daily at 03:00 UTC, with no grace, declared two days ago: the latest occurrence has no run
        assertThat(cli.run("expect", "roster_refresh", "--cron", "0 3 * * *", "--zone", "UTC", "--grace", "0s"))
                .isZero();
        Fixture f = new Fixture(db);
        f.execute("UPDATE batch_expectations SET declared_at = now() - interval '2 days'");
        Instant occurrence = latestThreeOClock();

        assertThat(cli.run("check")).as(cli.err()).isEqualTo(1);
        assertThat(cli.out().lines()).singleElement().asString().startsWith("roster_refresh, ")
                .contains(": missed (occurrence " + occurrence + ", due " + occurrence + ")");

        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, completed_at, duration_ms) VALUES (gen_random_uuid(), 'roster_refresh', 2026, 1, 'reg',"
                + " 'scheduler', 'success', '" + occurrence + "', '" + occurrence + "', 0)");
        assertThat(cli.run("check")).as(cli.out()).isZero();
        assertThat(cli.out().strip()).isEqualTo("ok: 1 expectation(s); nothing missed, failed, late or overdue");
    }

    @Test
    void checkNamesAnOverdueRunAndAnExpectationWrittenInSqlThatDoesNotParse(PostgresDatabase db) {
        RecordedRuns cli = migrated(db);
        Fixture f = new Fixture(db);
        f.execute("INSERT INTO batch_expectations (batch_type, cron, max_duration) VALUES ('weekly_update',"
                + " '0 6 * * 9', interval '1 hour')");
        f.execute("INSERT INTO batch_expectations (batch_type, cron, max_duration) VALUES ('roster_refresh',"
                + " '0 3 * * *', interval '1 hour')");
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, heartbeat_at) VALUES ('019b4fcd-43f8-72cd-831d-29a9f283b7c8', 'roster_refresh', 2026, 1,"
                + " 'reg', 'scheduler', 'running', now() - interval '2 hours', now())");

        assertThat(cli.run("check")).isEqualTo(1);

        assertThat(cli.out().lines()).anyMatch(l -> l.startsWith("weekly_update: invalid expectation: cron '0 6 * * 9'"
                + " does not parse")).anyMatch(l -> l.startsWith("roster_refresh: overdue run"
                        + " 019b4fcd-43f8-72cd-831d-29a9f283b7c8 (started ") && l.endsWith(", limit 60 min:"
                                + " max_duration of roster_refresh)"));
    }

    private static RecordedRuns migrated(PostgresDatabase db) {
        RecordedRuns cli = RecordedRuns.nothing(db);
        assertThat(cli.run("migrate")).as(cli.err()).isZero();
        return cli;
    }

    /** The latest 03:00 UTC at or before now. */
    private static Instant latestThreeOClock() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime today = now.truncatedTo(ChronoUnit.DAYS).plusHours(3);
        return (today.isAfter(now) ? today.minus(Duration.ofDays(1)) : today).toInstant();
    }

    private static Map<String, Object> row(String type, String mode, String cron, String zone, String grace, String max) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("batch_type", type);
        row.put("batch_mode", mode);
        row.put("cron", cron);
        row.put("zone", zone);
        row.put("grace", grace);
        row.put("max", max);
        row.put("source", "operator");
        return row;
    }
}
