package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import io.batchtrack.testing.ScriptedStore.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tracking never breaks the batch, whatever tracking code throws: a store (at its start, heartbeat,
 * end or readiness refresh), a separate readiness refresher or a listener throwing each kind of
 * exception and {@link Error}, through each front door of the engine, with a body that returns and
 * one that throws. Each time the body runs once, the caller gets the body's own value or the very
 * exception it threw, the failure is logged, and no run stays current on the thread.
 */
class TrackingFailureMatrixTest {
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 6),
            Trigger.MANUAL);

    /** Where the failure is thrown from. */
    enum Source { STORE_START, STORE_HEARTBEAT, STORE_END, STORE_READINESS, REFRESHER, LISTENER }

    /** How the batch reaches the engine. */
    enum Door { CALL, RUN, BLOCK, WOVEN }

    private static final List<Function<String, Throwable>> KINDS = List.of(
            IllegalStateException::new, NoSuchMethodError::new, NoClassDefFoundError::new,
            ServiceConfigurationError::new, AssertionError::new, StackOverflowError::new, OutOfMemoryError::new);

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Function<String, Throwable> kind : KINDS) {
            for (Source source : Source.values()) {
                for (Door door : Door.values()) {
                    for (boolean bodyThrows : new boolean[] {false, true}) {
                        String name = kind.apply("x").getClass().getSimpleName();
                        cases.add(Arguments.of(name, kind, source, door, bodyThrows));
                    }
                }
            }
        }
        return cases.stream();
    }

    private BatchTracking previousGlobal;

    @AfterEach
    void noRunLeftCurrent() {
        if (previousGlobal != null) {
            BatchTracking.setGlobal(previousGlobal);
        }
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    @ParameterizedTest(name = "{0} from {2} through {3}, body throws: {4}")
    @MethodSource("matrix")
    void the_body_runs_once_and_its_outcome_reaches_the_caller_and_the_failure_is_logged(String kindName,
            Function<String, Throwable> kind, Source source, Door door, boolean bodyThrows) {
        Throwable failure = kind.apply("scripted " + kindName + " from " + source + " through " + door);
        ScriptedStore store = new ScriptedStore();
        AtomicBoolean thrownByTracking = new AtomicBoolean();
        BatchTracking.Builder builder = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofMillis(100));
        switch (source) {
            case STORE_START -> store.failing(Call.START, failure);
            case STORE_HEARTBEAT -> store.failing(Call.PROGRESS, failure);
            case STORE_END -> store.failing(Call.FINISH, failure);
            case STORE_READINESS -> store.failing(Call.REFRESH, failure);
            case REFRESHER -> builder.readinessRefresher(throwing(failure, thrownByTracking));
            case LISTENER -> builder.listener(throwingListener(failure, thrownByTracking));
        }
        BatchTracking tracking = builder.build();
        AtomicInteger bodies = new AtomicInteger();
        RuntimeException bodyFailure = new IllegalArgumentException("the body's own failure");
        Job job = () -> {
            bodies.incrementAndGet();
            if (source == Source.STORE_HEARTBEAT) {
                Poll.until(Duration.ofSeconds(10), () -> store.calls().stream().anyMatch(m -> m.call() == Call.PROGRESS),
                        "a heartbeat attempted inside the body");
            }
            if (bodyThrows) {
                throw bodyFailure;
            }
            return 42;
        };

        Object[] result = new Object[1];
        Throwable thrown;
        try (LoggedLines log = LoggedLines.capture()) {
            thrown = catchThrowable(() -> result[0] = through(door, tracking, job));
            tracking.close();

            boolean triggered = thrownByTracking.get() || store.calls().stream().anyMatch(m -> !m.succeeded());
            if (triggered) {
                assertThat(log.containing(failure.getMessage())).as("the tracking failure is logged").isNotEmpty();
            } else {
                // a readiness refresh follows success only: a body that throws never reaches it
                assertThat(bodyThrows && (source == Source.STORE_READINESS || source == Source.REFRESHER))
                        .as("the scripted failure was never reached").isTrue();
            }
        }

        assertThat(bodies).as("the body runs exactly once").hasValue(1);
        if (bodyThrows) {
            assertThat(thrown).as("the body's own exception").isSameAs(bodyFailure);
        } else {
            assertThat(thrown).as("nothing thrown into the caller").isNull();
            assertThat(result[0]).isEqualTo(door == Door.RUN ? null : 42);
        }
        if (source != Source.STORE_END) {
            assertThat(store.finished()).singleElement().extracting(RunRecord::status)
                    .isEqualTo(bodyThrows ? RunStatus.FAILED : RunStatus.SUCCESS);
        }
    }

    /** The body of the batch: returns 42 or throws its own exception. */
    @FunctionalInterface
    interface Job {
        Object run();
    }

    @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE)
    static Object wovenJob() {
        return null; // only its annotation is read: the front door below calls the job itself
    }

    private Object through(Door door, BatchTracking tracking, Job job) throws Throwable {
        switch (door) {
            case CALL:
                return tracking.call(SPEC, job::run);
            case RUN:
                tracking.run(SPEC, job::run);
                return null;
            case BLOCK:
                try (BatchTracker run = tracking.start(SPEC)) {
                    Object value;
                    try {
                        value = job.run();
                    } catch (RuntimeException e) {
                        run.fail(e);
                        throw e;
                    }
                    run.complete();
                    return value;
                }
            case WOVEN:
                previousGlobal = BatchTracking.setGlobal(tracking);
                return asWoven(job);
            default:
                throw new AssertionError(door);
        }
    }

    /** What the agent's advice and the aspect do around a woven method. */
    private static Object asWoven(Job job) throws Throwable {
        TrackedMethod tracked = Woven.trackedMethod(TrackingFailureMatrixTest.class.getDeclaredMethod("wovenJob"));
        ActiveRun run = Woven.enter(tracked, new Object[0]);
        Object returned;
        try {
            returned = job.run();
        } catch (Throwable t) {
            Woven.exit(tracked, run, null, t);
            throw t;
        }
        Woven.exit(tracked, run, returned, null);
        return returned;
    }

    private static ReadinessRefresher throwing(Throwable failure, AtomicBoolean thrown) {
        return run -> {
            thrown.set(true);
            throw sneaky(failure);
        };
    }

    private static RunListener throwingListener(Throwable failure, AtomicBoolean thrown) {
        return new RunListener() {
            @Override
            public void runStarted(RunRecord run) {
                thrown.set(true);
                throw sneaky(failure);
            }

            @Override
            public void runProgress(RunRecord run) {
                throw sneaky(failure);
            }

            @Override
            public void runFinished(RunRecord run) {
                throw sneaky(failure);
            }
        };
    }

    private static RuntimeException sneaky(Throwable failure) {
        if (failure instanceof Error e) {
            throw e;
        }
        return (RuntimeException) failure;
    }
}
