package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppPerJdk;
import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.LoadTimeWeaving;
import io.batchtrack.agent.testing.TestApps;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When batchtrack cannot wrap a suspend function's continuation (src/test/apps/suspendfault: a
 * {@code kotlin.coroutines.Continuation} whose methods name a class absent at run time, so building
 * the wrapper throws NoClassDefFoundError), under the agent and through AspectJ: a call that suspends
 * ends its run at once, failed with why, rather than leaving it running until the JVM exits; a call
 * that returns or throws without suspending ends with its own outcome; the caller sees the same
 * marker, value and exception instance, its own continuation passed on, each body run once.
 */
@ExtendWith(PostgresExtension.class)
class SuspendWrappingFailureIT {
    private static final AppPerJdk AGENT = new AppPerJdk("suspendfault_agent", (db, jdk) ->
            db.configure(Forked.app(jdk, "app.suspendfault.Main", app()), "trigger=agent_it").run());
    private static final AppPerJdk ASPECT = new AppPerJdk("suspendfault_aspect", (db, jdk) ->
            LoadTimeWeaving.app(jdk, db, "app.suspendfault.Main", app()).run());

    /** Compiled against kotlin.coroutines.CoroutineContext, which it runs without. */
    private static Path app() {
        return TestApps.jar("suspendfault", 17, TestApps.jar("suspendfault-compile", 17));
    }

    @BeforeAll
    static void database(PostgresDatabase db) {
        AGENT.use(db);
        ASPECT.use(db);
    }

    static Stream<Arguments> doors() {
        return Jdk.all().stream().flatMap(jdk -> Stream.of(Arguments.of("agent", jdk), Arguments.of("aspect", jdk)));
    }

    private static AppPerJdk door(String door) {
        return door.equals("agent") ? AGENT : ASPECT;
    }

    private static Map<String, Object> row(String door, Jdk jdk, String name) {
        AppRun run = door(door).run(jdk);
        Database db = door(door).db(jdk);
        String id = run.value("track." + name + ".id");
        assertThat(id).as(run.toString()).isNotNull().isNotEqualTo("none");
        return db.run(id);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("doors")
    void theCallerSeesTheSameMarkerValueAndExceptionAndEachBodyRunsOnce(String door, Jdk jdk) {
        AppRun run = door(door).run(jdk);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("suspends.returned")).as(run.toString())
                .isEqualTo("COROUTINE_SUSPENDED marker=true continuation=true");
        assertThat(run.value("returns.same")).isEqualTo("true");
        assertThat(run.value("throwing.threw")).isEqualTo("feed down same=true");
        assertThat(run.value("bodies")).isEqualTo("3");
        assertThat(run.value("after.current")).isEqualTo("false");
        assertThat(run.value("caller.resumed")).isNull();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("doors")
    void aCallThatSuspendsEndsItsRunAtOnceFailedWithWhyTheWrapperCouldNotBeBuilt(String door, Jdk jdk) {
        AppRun run = door(door).run(jdk);
        Map<String, Object> row = row(door, jdk, "suspends");

        assertThat(row).as(run.toString()).containsEntry("status", "failed").containsEntry("week", 1)
                .containsEntry("error_type", "java.lang.NoClassDefFoundError");
        // ended by the time the call returned, not when the JVM exited
        Instant returnedAt = Instant.parse(run.value("suspends.returned.at"));
        assertThat(((Timestamp) row.get("completed_at")).toInstant()).isBeforeOrEqualTo(returnedAt);
        List<String> warnings = run.stderrLines("cannot follow the suspensions of");
        assertThat(warnings).as(run.toString()).hasSize(1);
        assertThat(warnings.get(0)).contains("suspends").contains("failed");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("doors")
    void callsThatDoNotSuspendEndWithTheirOwnOutcome(String door, Jdk jdk) {
        assertThat(row(door, jdk, "returns")).containsEntry("status", "success").containsEntry("week", 2)
                .containsEntry("games_processed", 5L);
        assertThat(row(door, jdk, "throws")).containsEntry("status", "failed").containsEntry("week", 3)
                .containsEntry("error_type", "java.lang.IllegalStateException").containsEntry("error_message", "feed down");
        assertThat(door(door).db(jdk).rows("SELECT 1 FROM {schema}.batch_runs WHERE status = 'running'")).isEmpty();
    }
}
