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
 * Batches returning Reactor's Mono and Flux, a Flow.Publisher and a Guava ListenableFuture
 * (src/test/apps/reactive, real Reactor and Guava): each run ends when what it returned ends, as the
 * rows in PostgreSQL show; the caller sees the same values and the same exception instances. The
 * application runs once per JDK.
 */
@ExtendWith(PostgresExtension.class)
class AsyncReturnsIT {
    private static final AppPerJdk APP = new AppPerJdk("reactive", (db, jdk) -> {
        Path[] libraries = {TestApps.appLibrary("reactor-core", "batchtrack.test.reactor-version"),
            TestApps.appLibrary("reactive-streams", "batchtrack.test.reactive-streams-version"),
            TestApps.appLibrary("guava", "batchtrack.test.guava-version"),
            TestApps.appLibrary("failureaccess", "batchtrack.test.failureaccess-version")};
        Path app = TestApps.jar("reactive", 17, libraries);
        return db.configure(Forked.app(jdk, "app.reactive.Main", app, libraries[0], libraries[1], libraries[2],
                libraries[3]), "trigger=agent_it").run();
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

    private static AppRun run(Jdk jdk) {
        return APP.run(jdk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theCallerSeesWhatThePublishersAndFuturesGiveUnchanged(Jdk jdk) {
        AppRun run = run(jdk);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.results()).containsExactly("never_subscribed.collected=true", "mono.threw=feed down same=true",
                "flux.items=1000 sum=500500", "flux.again=1000", "cancelled.taken=[0, 1, 2]",
                "flow.error=feed down same=true", "guava.result=odds synced", "future.result=later", "done=true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aMonoThatErrorsAfter300MsIsAFailedRunOfAtLeast300Ms(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.mono.id"));

        assertThat(row).containsEntry("status", "failed").containsEntry("week", 1)
                .containsEntry("error_type", "java.lang.IllegalStateException").containsEntry("error_message", "feed down");
        assertThat(((Number) row.get("duration_ms")).longValue()).isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aFluxCountedOnTheParallelSchedulerCountsEveryItemOnce(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.flux.id"));

        // the second subscription neither opened a run nor counted into this one
        assertThat(row).containsEntry("status", "success").containsEntry("games_processed", 1000L);
        assertThat(db(jdk).rows("SELECT 1 FROM {schema}.batch_runs WHERE batch_type = 'reactive_flux'")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aCancelledSubscriptionIsAFailedRunMarkedCancelled(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.cancelled.id"));

        assertThat(row).containsEntry("status", "failed").containsEntry("error_type", "cancelled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aFlowPublisherWhoseSubscriberReceivesAnErrorIsAFailedRun(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.flow.id"));

        assertThat(row).containsEntry("status", "failed").containsEntry("week", 4)
                .containsEntry("error_type", "java.lang.IllegalStateException").containsEntry("error_message", "feed down");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aPublisherNeverSubscribedEndsFailedWhenCollectedNeverAsASuccess(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.never.id"));

        assertThat(row).containsEntry("status", "failed").containsEntry("error_type", "never_subscribed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aListenableFutureEndsItsRunWhenItCompletes(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.guava.id"));

        assertThat(row).containsEntry("status", "success").containsEntry("odds_synced", 3L);
        assertThat(((Number) row.get("duration_ms")).longValue()).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anUnsupportedAsynchronousReturnTypeIsLoggedOnceAtWeaveTimeAndMeasuresTheCall(Jdk jdk) {
        AppRun run = run(jdk);

        assertThat(run.stderrLines("WARNING")).as(run.toString()).hasSize(1);
        assertThat(run.stderrLines("app.reactive.Main.plainFuture(int, int) returns java.util.concurrent.Future"))
                .as(run.toString()).hasSize(1)
                .allMatch(l -> l.contains("its run measures only the call, ending when the method returns"));
        assertThat(db(jdk).run(run.value("track.future.id"))).containsEntry("status", "success");
    }
}
