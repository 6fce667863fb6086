package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.batchtrack.TrackedBatch;
import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes application (src/test/apps/shapes: every kind of method and signature, failures,
 * nesting, asynchronous results), compiled by plain javac for Java 8 and for the JDK that runs it,
 * run with {@code -javaagent} and the log store, once per JDK and release; each test reads one aspect
 * of that run. The same application without the agent is the reference for what the program prints.
 */
class WeavingIT {
    private static final Map<String, AppRun> RUNS = new ConcurrentHashMap<>();

    static Stream<Arguments> jdksAndReleases() {
        return Jdk.all().stream().flatMap(jdk -> Stream.of(arguments(jdk, 8), arguments(jdk, jdk.feature())));
    }

    private static AppRun woven(Jdk jdk, int release) {
        return RUNS.computeIfAbsent(jdk + "/" + release + "/agent",
                k -> Forked.app(jdk, "app.shapes.Main", TestApps.jar("shapes", release), generatedJar())
                        .agent("store=log").run());
    }

    private static AppRun plain(Jdk jdk, int release) {
        return RUNS.computeIfAbsent(jdk + "/" + release + "/plain",
                k -> Forked.app(jdk, "app.shapes.Main", TestApps.jar("shapes", release), TestApps.apiJar(),
                        generatedJar()).run());
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void theWovenProgramPrintsExactlyWhatThePlainProgramPrints(Jdk jdk, int release) {
        AppRun woven = woven(jdk, release);
        AppRun plain = plain(jdk, release);

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(woven.exitCode()).as(woven.toString()).isZero();
        assertThat(woven.results()).containsExactlyElementsOf(plain.results());
        assertThat(woven.value("done")).isEqualTo("true");
        assertThat(plain.runs()).isEmpty();
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void everyShapeOfMethodIsWovenAndSeesItsOwnRunAsCurrent(Jdk jdk, int release) {
        AppRun run = woven(jdk, release);

        for (String type : List.of("static_method", "instance_method", "private_method", "final_method",
                "void_method", "primitives", "arrays", "generic_method", "abstract_class_method", "default_method",
                "interface_static_method", "bridged", "checked_failure", "async_success", "outer", "inner")) {
            assertThat(run.value("track." + type + ".inside")).as(type)
                    .isEqualTo(run.run(type).get("batchtrack_run"));
        }
        for (String type : List.of("static_method", "instance_method", "private_method", "final_method",
                "void_method", "primitives", "char_result", "boolean_result", "arrays", "array_2d", "generic_method",
                "null_result", "abstract_class_method", "default_method", "interface_static_method", "bridged")) {
            Map<String, Object> r = run.run(type);
            assertThat(r).as(type).containsEntry("status", "success").containsEntry("parent_run_id", null)
                    .containsEntry("error_type", null).containsEntry("triggered_by", "manual");
            assertThat(r.get("completed_at")).as(type).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void woveMethodsReturnWhatTheyComputed(Jdk jdk, int release) {
        AppRun run = woven(jdk, release);

        assertThat(run.value("static_method.result")).isEqualTo("42");
        assertThat(run.value("instance_method.result")).isEqualTo("hello week 17");
        assertThat(run.value("private_method.result")).isEqualTo("42");
        assertThat(run.value("final_method.result")).isEqualTo("2.5");
        assertThat(run.value("void_method.result")).isEqualTo("touched");
        assertThat(run.value("primitives.result")).isEqualTo("122.75");
        assertThat(run.value("char_result.result")).isEqualTo("y");
        assertThat(run.value("boolean_result.result")).isEqualTo("true");
        assertThat(run.value("arrays.result")).isEqualTo("[2, 4, 6]");
        assertThat(run.value("array_2d.result")).isEqualTo("[[a, c], [b, d]]");
        assertThat(run.value("generic_method.result")).isEqualTo("[game, odds, week]");
        assertThat(run.value("null_result.result")).isEqualTo("null");
        assertThat(run.value("abstract_class_method.result")).isEqualTo("42");
        assertThat(run.value("default_method.result")).isEqualTo("job roster");
        assertThat(run.value("bridged.result")).isEqualTo("7");
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void outsideTrackedMethodsTheTrackerIsTheNoOpOne(Jdk jdk, int release) {
        AppRun run = woven(jdk, release);

        for (String key : List.of("before_any", "after_runs", "after_failures", "after_nesting",
                "async_success.current_after_return", "at_end")) {
            String value = run.value("track." + (key.contains(".") ? key : key + ".current"));
            assertThat(value).as(key).isEqualTo("none");
        }
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void countersWarningsAndPeriodArgumentsReachTheRun(Jdk jdk, int release) {
        AppRun run = woven(jdk, release);

        Map<String, Object> counters = run.run("counters");
        assertThat(counters).containsEntry("status", "success").containsEntry("batch_mode", "full")
                .containsEntry("season_year", 2025L).containsEntry("week", 17L).containsEntry("season_type", "reg");
        assertThat(counters.get("metrics"))
                .isEqualTo(Map.of("games_processed", 16L, "api_calls_made", 3L, "custom_rows", 5L));
        assertThat(counters.get("warnings")).isEqualTo(List.of());

        Map<String, Object> warned = run.run("warnings");
        assertThat(warned).containsEntry("status", "partial").containsEntry("batch_mode", "odds_only")
                .containsEntry("season_year", 2024L).containsEntry("week", 2L).containsEntry("season_type", "post");
        assertThat(warned.get("metrics")).isEqualTo(Map.of("game_logs_added", 40L));
        assertThat((List<?>) warned.get("warnings")).hasSize(1);
        Map<?, ?> warning = (Map<?, ?>) ((List<?>) warned.get("warnings")).get(0);
        assertThat(warning.get("stage")).isEqualTo("game_logs");
        assertThat(warning.get("message")).isEqualTo("Skipped 3 players not in database");
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void exceptionsFailTheRunAndReachTheCallerAsTheSameInstance(Jdk jdk, int release) {
        AppRun run = woven(jdk, release);

        assertThat(run.value("checked_failure.same_instance")).isEqualTo("true");
        assertThat(run.value("checked_failure.suppressed")).isEqualTo("0");
        assertThat(run.value("unchecked_failure.same_instance")).isEqualTo("true");
        assertThat(run.value("error_failure.same_instance")).isEqualTo("true");
        assertThat(run.value("failure_after_warning.same_instance")).isEqualTo("true");
        assertThat(run.run("checked_failure")).containsEntry("status", "failed")
                .containsEntry("error_type", "java.io.IOException").containsEntry("error_message", "schedule feed down");
        assertThat(run.run("unchecked_failure")).containsEntry("status", "failed")
                .containsEntry("error_type", "java.lang.IllegalArgumentException");
        assertThat(run.run("error_failure")).containsEntry("status", "failed")
                .containsEntry("error_type", "app.shapes.Failures$Fatal").containsEntry("error_message", "out of disk");
        Map<String, Object> afterWarning = run.run("failure_after_warning");
        assertThat(afterWarning).containsEntry("status", "failed")
                .containsEntry("error_type", "java.lang.IllegalStateException");
        assertThat((List<?>) afterWarning.get("warnings")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void aNestedTrackedMethodIsAChildRunAndTheOuterRunIsCurrentAgainAfterIt(Jdk jdk, int release) {
        AppRun run = woven(jdk, release);
        Map<String, Object> outer = run.run("outer");
        Map<String, Object> inner = run.run("inner");

        assertThat(outer).containsEntry("parent_run_id", null).containsEntry("status", "success");
        assertThat(inner).containsEntry("parent_run_id", outer.get("batchtrack_run"))
                .containsEntry("status", "success");
        assertThat(run.value("track.outer.after_inner")).isEqualTo(outer.get("batchtrack_run"));
        assertThat(run.value("track.inner.inside")).isEqualTo(inner.get("batchtrack_run"));
        assertThat(run.value("outer.result")).isEqualTo("outer done");
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void anAsynchronousResultEndsItsRunWhenItCompletes(Jdk jdk, int release) {
        AppRun run = woven(jdk, release);

        assertThat(run.value("async_success.same_future")).isEqualTo("true");
        assertThat(run.value("async_success.result")).isEqualTo("odds synced");
        assertThat(run.run("async_success")).containsEntry("status", "success")
                .containsEntry("metrics", Map.of("odds_synced", 9L));
        assertThat(run.value("async_failure.same_instance")).isEqualTo("true");
        assertThat(run.run("async_failure")).containsEntry("status", "failed")
                .containsEntry("error_type", "java.lang.UnsupportedOperationException")
                .containsEntry("error_message", "sportsbook closed");
        assertThat(run.value("async_sync_throw.same_instance")).isEqualTo("true");
        assertThat(run.run("async_sync_throw")).containsEntry("status", "failed")
                .containsEntry("error_type", "java.lang.IllegalStateException");
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("jdksAndReleases")
    void membersThatCannotBeWovenAreLoggedOnceEachAndRunUntracked(Jdk jdk, int release) {
        AppRun run = woven(jdk, release);

        assertThat(run.stderrLines("@TrackedBatch on app.shapes.Jobs$Template.annotatedButAbstract() is ignored:"
                + " abstract methods")).hasSize(1);
        assertThat(run.stderrLines("@TrackedBatch on app.shapes.Kinds.nativeCall() is ignored: native methods"))
                .hasSize(1);
        assertThat(run.stderrLines("@TrackedBatch on app.shapes.gen.AnnotatedConstructor.<init>() is ignored:"
                + " constructors")).hasSize(1);
        assertThat(run.stderrLines("@TrackedBatch methods of app.shapes.gen.Java6Job are not woven: its class file"
                + " version (6) predates Java 7")).hasSize(1);
        assertThat(run.value("app.shapes.gen.AnnotatedConstructor.result")).isEqualTo("constructed");
        assertThat(run.value("app.shapes.gen.Java6Job.result")).isEqualTo("java 6 job");
        for (String type : List.of("abstract_method", "native_method", "constructor", "java6_method")) {
            assertThat(run.runsOf(type)).as(type).isEmpty();
        }
        assertThat(run.value("track.abstract_method.inside")).isEqualTo("none");
        assertThat(run.runs()).hasSize(27); // one per call of a woven method
    }

    /**
     * Class files javac cannot write: a constructor carrying the annotation, and a Java 6 class file (too
     * old for the advice's invokedynamic).
     */
    /** Class files javac cannot write: an annotated constructor, a Java 6 class file. */
    static synchronized Path generatedJar() {
        Path dir = TestApps.work().resolve("apps/generated");
        Path jar = dir.resolve("generated.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        try {
            Path classes = dir.resolve("classes");
            AnnotationDescription constructor = AnnotationDescription.Builder.ofType(TrackedBatch.class)
                    .define("type", "constructor").build();
            TestApps.writeClass(classes, "app.shapes.gen.AnnotatedConstructor", new ByteBuddy(ClassFileVersion.JAVA_V8)
                    .with(TypeValidation.DISABLED) // javac would refuse the annotation here; the JVM does not
                    .subclass(Object.class, ConstructorStrategy.Default.NO_CONSTRUCTORS)
                    .name("app.shapes.gen.AnnotatedConstructor")
                    .defineConstructor(Visibility.PUBLIC).intercept(MethodCall.invoke(Object.class.getConstructor()))
                    .annotateMethod(constructor)
                    .method(ElementMatchers.named("toString")).intercept(FixedValue.value("constructed"))
                    .make().getBytes());
            AnnotationDescription java6 = AnnotationDescription.Builder.ofType(TrackedBatch.class)
                    .define("type", "java6_method").build();
            TestApps.writeClass(classes, "app.shapes.gen.Java6Job", new ByteBuddy(ClassFileVersion.JAVA_V6)
                    .subclass(Object.class).name("app.shapes.gen.Java6Job")
                    .method(ElementMatchers.named("toString")).intercept(FixedValue.value("java 6 job"))
                    .annotateMethod(java6)
                    .make().getBytes());
            TestApps.jar(classes, jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
