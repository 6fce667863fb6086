package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import io.batchtrack.testing.Poll;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Expected schedules in real time, through the agent jar's command line (its relocated cron-utils
 * included): an expectation every minute with a 40 s grace and no run is missed within about two
 * minutes, and {@code check} exits 1; a run of the woven batch satisfies the next slot, and
 * {@code check} exits 0.
 */
@ExtendWith(PostgresExtension.class)
class ScheduleCheckIT {

    private static Forked command(PostgresDatabase pg, String... args) {
        return new Database(pg, "public").password(Forked.jar(Jdk.current(), TestApps.agentJar())
                .sysprop("batchtrack.jdbc.url", pg.jdbcUrl()).sysprop("batchtrack.jdbc.user", pg.user()).args(args));
    }

    @Test
    void aMinutelyExpectationWithoutRunsIsMissedAndARunOfTheBatchMakesItOk(PostgresDatabase pg) {
        assertThat(command(pg, "migrate").run().exitCode()).isZero();
        AppRun expect = command(pg, "expect", "simple_job", "--cron", "* * * * *", "--zone", "UTC", "--grace", "40s")
                .run();
        assertThat(expect.exitCode()).as(expect.toString()).isZero();

        AtomicReference<AppRun> check = new AtomicReference<>();
        Poll.until(Duration.ofSeconds(150), () -> {
            check.set(command(pg, "check").run());
            return check.get().exitCode() != 0;
        }, "batchtrack check reports the missed slot");
        assertThat(check.get().exitCode()).as(check.get().toString()).isEqualTo(1);
        assertThat(check.get().stdout()).startsWith("simple_job, ").contains(": missed (occurrence ");

        // a run early in a minute completes within that minute's 40 s grace
        Poll.until(Duration.ofSeconds(61), () -> LocalTime.now(ZoneOffset.UTC).getSecond() < 25,
                "the first 25 seconds of a minute");
        AppRun batch = new Database(pg, "public").configure(Forked.app(Jdk.current(), "app.simple.Main",
                TestApps.jar("simple", 17)), "").run();
        assertThat(batch.value("woven.result")).as(batch.toString()).isEqualTo("2");

        AppRun after = command(pg, "check").run();
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.stdout()).contains("ok: 1 expectation(s); nothing missed, failed, late or overdue");
    }
}
