package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppPerJdk;
import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batches returning RxJava 3's {@code Flowable} under the agent (src/test/apps/rxjava, real RxJava):
 * error → failed with that exception, completion → success with the counts its operators made on
 * RxJava's computation scheduler, cancel → failed as cancelled; the caller gets a Flowable giving the
 * same items and the same exception instance. One application run per JDK.
 */
@ExtendWith(PostgresExtension.class)
class RxJavaReturnsIT {
    private static final AppPerJdk APP = new AppPerJdk("rxjava", (db, jdk) -> {
        Path[] libraries = {TestApps.appLibrary("rxjava", "batchtrack.test.rxjava-version"),
            TestApps.appLibrary("reactive-streams", "batchtrack.test.reactive-streams-version")};
        Path app = TestApps.jar("rxjava", 17, libraries);
        return db.configure(Forked.app(jdk, "app.rxjava.Main", app, libraries[0], libraries[1]), "trigger=agent_it")
                .run();
    });

    @BeforeAll
    static void database(PostgresDatabase db) {
        APP.use(db);
    }

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    private static Database db(Jdk jdk) {
        return APP.db(jdk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theCallerSeesWhatTheFlowablesGiveUnchanged(Jdk jdk) {
        AppRun run = APP.run(jdk);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.results()).as(run.toString()).filteredOn(l -> !l.startsWith("counted.complete.thread"))
                .containsExactly("failing.threw=feed down same=true", "counted.type=true",
                        "counted.items=1000 sum=500500", "counted.again=1000", "cancelled.taken=[0, 1, 2]", "done=true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aFlowableThatErrorsIsAFailedRunWithThatExceptionLastingUntilTheError(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(APP.run(jdk).value("track.failing.id"));

        assertThat(row).containsEntry("status", "failed").containsEntry("week", 1)
                .containsEntry("error_type", "java.lang.IllegalStateException").containsEntry("error_message", "feed down");
        assertThat(((Number) row.get("duration_ms")).longValue()).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aCompletedFlowableIsASuccessCountingWhatItsOperatorsCountedOnTheComputationScheduler(Jdk jdk) {
        AppRun run = APP.run(jdk);
        Map<String, Object> row = db(jdk).run(run.value("track.counted.id"));

        // the second subscription neither opened a run nor counted into this one
        assertThat(row).containsEntry("status", "success").containsEntry("week", 2)
                .containsEntry("games_processed", 1000L).containsEntry("odds_synced", 1000L);
        assertThat(run.value("counted.complete.thread")).startsWith("RxComputationThreadPool");
        assertThat(db(jdk).rows("SELECT 1 FROM {schema}.batch_runs WHERE batch_type = 'rxjava_counted'")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aCancelledFlowableIsAFailedRunMarkedCancelled(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(APP.run(jdk).value("track.cancelled.id"));

        assertThat(row).containsEntry("status", "failed").containsEntry("week", 3).containsEntry("error_type", "cancelled");
    }
}
