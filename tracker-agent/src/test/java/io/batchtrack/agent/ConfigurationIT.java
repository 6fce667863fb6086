package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configuration of the agent: its arguments, system properties, environment variables and a
 * properties file; the on/off switch; bad values (one line naming the key, the application runs
 * untracked or, under fail-fast, tracked calls fail); the password's rules; the store failure policy.
 * The simple application (src/test/apps/simple) makes one woven call and one programmatic run;
 * store=probe (src/test/apps/probe-store) stands in for the jdbc store.
 */
class ConfigurationIT {

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    private static Forked simple(Jdk jdk) {
        return Forked.app(jdk, "app.simple.Main", TestApps.jar("simple", 17), TestApps.jar("probe-store", 17));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void agentArgumentsConfigureWovenAndProgrammaticRunsAlike(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=log,trigger=api").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("woven.result")).isEqualTo("2");
        assertThat(run.value("programmatic.result")).isEqualTo("3");
        assertThat(run.run("simple_job")).containsEntry("status", "success").containsEntry("triggered_by", "api")
                .containsEntry("season_year", 2025L).containsEntry("week", 9L);
        // a programmatic RunSpec carries the trigger it detected itself (RunSpec.of), so only its store is checked
        assertThat(run.run("programmatic_job")).containsEntry("status", "success");
        assertThat(run.value("track.inside")).isEqualTo(run.run("simple_job").get("batchtrack_run"));
        assertThat(run.stderr()).doesNotContain("WARNING");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theEnvironmentConfiguresTheAgentWithoutArguments(Jdk jdk) {
        AppRun run = simple(jdk).agent(null).env("BATCHTRACK_STORE", "log").env("BATCHTRACK_TRIGGER", "cron").run();

        assertThat(run.run("simple_job")).containsEntry("status", "success").containsEntry("triggered_by", "cron");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aPropertiesFileConfiguresTheAgent(Jdk jdk) throws IOException {
        Path file = Files.createTempFile(TestApps.work(), "batchtrack", ".properties");
        Files.writeString(file, "store=log\nbatchtrack.trigger=nightly\n");

        AppRun run = simple(jdk).agent("config-file=" + file).run();

        assertThat(run.run("simple_job")).containsEntry("triggered_by", "nightly");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSystemPropertyWinsOverTheSameAgentArgument(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=log,trigger=api").sysprop("batchtrack.trigger", "manual_rerun").run();

        assertThat(run.run("simple_job")).containsEntry("triggered_by", "manual_rerun");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void enabledFalseWeavesNothingAndRecordsNothing(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=log,enabled=false").run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.value("woven.result")).isEqualTo("2");
        assertThat(run.value("programmatic.result")).isEqualTo("3");
        assertThat(run.value("track.inside")).isEqualTo("none");
        assertThat(run.runs()).isEmpty();
        assertThat(run.stderrLines("batchtrack agent is off (enabled=false)")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void enabledIsReadFromEverySourceInTheConfigurationsOrder(Jdk jdk) {
        AppRun fromEnvironment = simple(jdk).agent("store=log").env("BATCHTRACK_ENABLED", "FALSE").run();
        AppRun propertyOverArgument = simple(jdk).agent("store=log,enabled=false").sysprop("batchtrack.enabled", "true")
                .run();
        AppRun argumentOverEnvironment = simple(jdk).agent("store=log,enabled=true").env("BATCHTRACK_ENABLED", "false")
                .run();

        assertThat(fromEnvironment.runs()).as(fromEnvironment.toString()).isEmpty();
        assertThat(fromEnvironment.stderrLines("batchtrack agent is off (enabled=false)")).hasSize(1);
        for (AppRun on : List.of(propertyOverArgument, argumentOverEnvironment)) {
            assertThat(on.exitCode()).as(on.toString()).isZero();
            assertThat(on.run("simple_job")).as(on.toString()).containsEntry("status", "success");
            assertThat(on.stderr()).doesNotContain("agent is off");
        }
    }

    static Stream<Arguments> badConfigurations() {
        return Jdk.all().stream().flatMap(jdk -> Stream.of(
                arguments(jdk, "on-store-failure", "store=log,on-store-failure=sometimes", null),
                arguments(jdk, "store", "store=nosuch", null),
                arguments(jdk, "trigger", "store=log", "Not-A-Trigger"),
                arguments(jdk, "enabled", "store=log,enabled=maybe", null),
                arguments(jdk, "max-warnings", "store=log,max-warnings=lots", null),
                arguments(jdk, "config-file", "store=log,config-file=/nonexistent/batchtrack.properties", null),
                arguments(jdk, "jdbc.url", "store=probe", null)));
    }

    @ParameterizedTest(name = "{0}: bad {1}")
    @MethodSource("badConfigurations")
    void aBadValueIsLoggedOnceNamingItsKeyAndTheApplicationRunsUntracked(Jdk jdk, String key, String agentArguments,
            String triggerProperty) {
        Forked app = simple(jdk).agent(agentArguments);
        if (triggerProperty != null) {
            app.sysprop("batchtrack.trigger", triggerProperty);
        }

        AppRun run = app.run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("woven.result")).isEqualTo("2");
        assertThat(run.value("done")).isEqualTo("true");
        assertThat(run.runs()).isEmpty();
        assertThat(run.stderrLines("WARNING")).as(run.toString()).hasSize(1);
        assertThat(run.stderrLines("batchtrack configuration key '" + key + "'")).hasSize(1);
        assertThat(run.stderrLines("batches run untracked")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void underFailFastABadConfigurationFailsEveryTrackedCallButNotTheApplication(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=nosuch,on-store-failure=fail").run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.value("woven.threw")).isEqualTo("io.batchtrack.TrackingException");
        assertThat(run.value("programmatic.threw")).isEqualTo("io.batchtrack.TrackingException");
        assertThat(run.value("track.inside")).isNull();
        assertThat(run.value("done")).isEqualTo("true");
        assertThat(run.stderrLines("batchtrack configuration key 'store'")).hasSize(1);
        assertThat(run.stderrLines("every tracked run will fail")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aPasswordInTheAgentArgumentsIsRefusedAndNeverPrinted(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=probe,jdbc.url=jdbc:postgresql://db/nfl,jdbc.password=hunter2").run();

        assertThat(run.value("woven.result")).isEqualTo("2");
        assertThat(run.runs()).isEmpty();
        assertThat(run.stderrLines("batchtrack configuration key 'jdbc.password'")).hasSize(1);
        assertThat(run.stdout() + run.stderr()).doesNotContain("hunter2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void thePasswordComesFromTheEnvironment(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=probe,jdbc.url=jdbc:postgresql://db/nfl")
                .env("BATCHTRACK_JDBC_PASSWORD", "hunter2").run();

        assertThat(run.value("track.probe")).isEqualTo("jdbc:postgresql://db/nfl password given");
        assertThat(run.run("simple_job")).containsEntry("status", "success");
        assertThat(run.stdout() + run.stderr()).doesNotContain("hunter2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aStoreThatFailsIsLoggedAndTheBatchGoesOnByDefault(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=probe,jdbc.url=jdbc:postgresql://db/nfl,probe.fail=start").run();

        assertThat(run.value("woven.result")).isEqualTo("2");
        assertThat(run.value("track.inside")).isEqualTo(run.run("simple_job").get("batchtrack_run"));
        assertThat(run.stderrLines("could not record the start of run")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void underFailFastAStoreThatFailsStopsTheTrackedCall(Jdk jdk) {
        AppRun run = simple(jdk)
                .agent("store=probe,jdbc.url=jdbc:postgresql://db/nfl,probe.fail=start,on-store-failure=fail").run();

        assertThat(run.value("woven.threw")).isEqualTo("io.batchtrack.TrackingException");
        assertThat(run.value("track.inside")).isNull();
        assertThat(run.value("done")).isEqualTo("true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anApplicationWithoutTrackedMethodsNeverStartsTheStore(Jdk jdk) {
        AppRun run = Forked.app(jdk, "app.notracked.Main", TestApps.jar("notracked", 8),
                TestApps.jar("probe-store", 17)).agent("store=probe,jdbc.url=jdbc:postgresql://db/nfl").run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.value("hello")).isEqualTo("world");
        assertThat(run.value("track.probe")).as("the probe store prints this when it is created").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theAgentGivenTwiceWeavesOnce(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=log").jvmOption("-javaagent:" + TestApps.agentJar() + "=store=log")
                .run();

        assertThat(run.runsOf("simple_job")).hasSize(1);
        assertThat(run.stderrLines("the agent is given more than once")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aMalformedAgentArgumentIsLoggedAndTheOthersApply(Jdk jdk) {
        AppRun run = simple(jdk).agent("store=log,verbose").run();

        assertThat(run.stderrLines("batchtrack agent argument 'verbose' is ignored: expected key=value")).hasSize(1);
        assertThat(run.run("simple_job")).containsEntry("status", "success");
    }
}
