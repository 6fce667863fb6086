package io.batchtrack.internal.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.TrackedBatch;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.spi.DeclaredSchedule;
import io.batchtrack.spi.RunListener;
import io.batchtrack.testing.InMemoryRunStore;
import io.batchtrack.testing.LoggedLines;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code @TrackedBatch(schedule = ...)}: the first time a method is seen its schedule goes to the
 * engine's listeners, as written, once; a listener that throws, or none that keeps it, never stops
 * the call, and the latter is logged naming the schedule.
 */
class DeclaredScheduleTest {

    /** Methods whose classes are fresh per test: each test sees its method for the first time. */
    static final class Weekly {
        @TrackedBatch(type = "weekly_update", mode = "full", schedule = " 0 6 * * 2 ", grace = "2h", maxDuration = "1h")
        static int run() {
            return 7;
        }
    }

    static final class ModePerCall {
        @TrackedBatch(type = "roster_refresh", mode = "full", schedule = "0 5 * * *", zone = "UTC")
        static void run(@TrackedBatch.Mode String mode) {}
    }

    static final class Unkept {
        @TrackedBatch(type = "prediction_generation", schedule = "0 12 * * 4")
        static void run() {}
    }

    static final class Throwing {
        @TrackedBatch(type = "prediction_generation", schedule = "0 12 * * 4")
        static int run() {
            return 3;
        }
    }

    static final class Unscheduled {
        @TrackedBatch(type = "weekly_update")
        static void run() {}
    }

    /** Keeps every schedule it is told of, or throws {@code failure}. */
    static final class Keeping implements RunListener {
        final List<DeclaredSchedule> told = new CopyOnWriteArrayList<>();
        final Function<DeclaredSchedule, Boolean> answer;

        Keeping(Function<DeclaredSchedule, Boolean> answer) {
            this.answer = answer;
        }

        @Override
        public boolean scheduleDeclared(DeclaredSchedule schedule) {
            told.add(schedule);
            return answer.apply(schedule);
        }
    }

    private static <T> T withGlobal(RunListener listener, java.util.concurrent.Callable<T> body) throws Exception {
        BatchTracking tracking = BatchTracking.builder().store(new InMemoryRunStore()).listener(listener).build();
        BatchTracking previous = BatchTracking.setGlobal(tracking);
        try {
            return body.call();
        } finally {
            tracking.close();
            if (previous != null) {
                BatchTracking.setGlobal(previous);
            }
        }
    }

    private static Method method(Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals("run")) {
                return m;
            }
        }
        throw new AssertionError("no run() in " + type);
    }

    @Test
    void theSchedulesValuesAreHandedOverAsWrittenOnceAtTheFirstLookUp() throws Exception {
        Keeping listener = new Keeping(s -> true);
        withGlobal(listener, () -> {
            Woven.trackedMethod(method(Weekly.class));
            Woven.trackedMethod(method(Weekly.class));
            Woven.trackedMethod(method(ModePerCall.class));
            Woven.trackedMethod(method(Unscheduled.class));
            return null;
        });

        assertThat(listener.told).containsExactly(
                new DeclaredSchedule("weekly_update", "full", "0 6 * * 2", "America/New_York", "2h", "1h",
                        Weekly.class.getName() + ".run"),
                new DeclaredSchedule("roster_refresh", null, "0 5 * * *", "UTC", "", "",
                        ModePerCall.class.getName() + ".run"));
    }

    @Test
    void aScheduleNoListenerKeepsIsLoggedOnceWithItsValuesAndTheCallIsTracked() throws Exception {
        Keeping listener = new Keeping(s -> false);
        try (LoggedLines log = LoggedLines.capture()) {
            withGlobal(listener, () -> {
                TrackedMethod tracked = Woven.trackedMethod(method(Unkept.class));
                ActiveRun run = Woven.enter(tracked, new Object[0]);
                assertThat(run).isNotNull();
                Woven.exit(tracked, run, null, null);
                return null;
            });

            assertThat(log.containing("does not register")).singleElement().satisfies(l -> assertThat(l.text())
                    .contains("the expected schedule of " + Unkept.class.getName() + ".run (@TrackedBatch(schedule ="
                            + " \"0 12 * * 4\", zone = \"America/New_York\"))")
                    .contains("tracker-schedule over the jdbc store"));
        }
    }

    @Test
    void aListenerThatThrowsAnErrorNeverReachesTheCall() throws Exception {
        Keeping listener = new Keeping(s -> {
            throw new StackOverflowError("scripted");
        });
        try (LoggedLines log = LoggedLines.capture()) {
            Object result = withGlobal(listener, () -> {
                TrackedMethod tracked = Woven.trackedMethod(method(Throwing.class));
                ActiveRun run = Woven.enter(tracked, new Object[0]);
                int value = Throwing.run();
                Woven.exit(tracked, run, value, null);
                return run == null ? null : value;
            });

            assertThat(result).isEqualTo(3);
            assertThat(listener.told).hasSize(1);
            assertThat(log.containing("failed in scheduleDeclared")).hasSize(1);
        }
    }
}
