package io.batchtrack.spring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.TrackingException;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.ScriptedStore;
import io.batchtrack.testing.ScriptedStore.Call;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Whatever batchtrack's calls throw (Errors included), at whichever point of the job, the job ends as
 * it would untracked (Spring Batch's status, exit status and failure exceptions, the same instances),
 * its body runs once, and a run that opened is ended exactly once.
 */
@ExtendWith(PostgresExtension.class)
class TrackingNeverBreaksTheJobTest {
    private static final IllegalStateException OWN = new IllegalStateException("the job's own failure");

    enum Point { OPEN, INCREMENT, WARN, END, CLOCK }

    private SpringBatch batch;
    private final AtomicInteger bodies = new AtomicInteger();

    static Stream<Arguments> failures() {
        return Stream.of(Point.values()).flatMap(point -> Stream.of(
                Arguments.of(point, new ServiceConfigurationError("scripted ServiceConfigurationError at " + point)),
                Arguments.of(point, new StackOverflowError("scripted StackOverflowError at " + point)),
                Arguments.of(point, new IllegalArgumentException("scripted RuntimeException at " + point))));
    }

    @BeforeEach
    void setUp(PostgresDatabase db) {
        batch = new SpringBatch(db.dataSource());
    }

    @AfterEach
    void noRunLeftCurrent() {
        assertThat(Tracker.current().isActive()).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void aJobWithASkipCompletesAsItWouldUntracked(Point point, Throwable failure) {
        ThrowingRuns runs = new ThrowingRuns(point, failure);
        BatchtrackJobListener listener = new BatchtrackJobListener(runs, Map.of());

        JobExecution execution = batch.run(batch.chunkJob("weeklyUpdate", List.of(1, 2, 3), g -> {
            bodies.incrementAndGet();
            if (g == 2) {
                throw new IllegalArgumentException("game 2 is skipped");
            }
            return g;
        }, listener), new JobParametersBuilder().addLong("run", 1L).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(execution.getAllFailureExceptions()).isEmpty();
        assertThat(batch.recordedStatus(execution)).isEqualTo("COMPLETED");
        assertThat(bodies).as("items processed").hasValueGreaterThanOrEqualTo(3);
        assertThat(runs.ends).as("runs ended").hasValue(runs.opened.get());
        assertThat(runs.opened).hasValue(point == Point.OPEN || point == Point.CLOCK ? 0 : 1);
    }

    /** Without the step registration its steps are recorded when the job ends, where an Error would leave afterJob. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void aJobListenedToOnlyAsAJobCompletesAsItWouldUntracked(Point point, Throwable failure) {
        ThrowingRuns runs = new ThrowingRuns(point, failure);
        Job job = batch.chunkJob("weeklyUpdate", List.of(1, 2, 3), g -> {
            if (g == 2) {
                throw new IllegalArgumentException("game 2 is skipped");
            }
            return g;
        }, null);
        ((AbstractJob) job).registerJobExecutionListener(new BatchtrackJobListener(runs, Map.of()));

        JobExecution execution = batch.run(job, new JobParametersBuilder().addLong("run", 1L).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.recordedStatus(execution)).isEqualTo("COMPLETED");
        assertThat(runs.ends).as("runs ended").hasValue(runs.opened.get());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void aFailingJobFailsWithItsOwnExceptionAsItWouldUntracked(Point point, Throwable failure) {
        ThrowingRuns runs = new ThrowingRuns(point, failure);
        BatchtrackJobListener listener = new BatchtrackJobListener(runs, Map.of());

        JobExecution execution = batch.run(batch.taskletJob("weeklyUpdate", "syncSchedule", (contribution, context) -> {
            bodies.incrementAndGet();
            throw OWN;
        }, listener), new JobParametersBuilder().addLong("run", 1L).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).containsExactly(OWN);
        assertThat(batch.recordedStatus(execution)).isEqualTo("FAILED");
        assertThat(bodies).hasValue(1);
        assertThat(runs.ends).hasValue(runs.opened.get());
        if (runs.opened.get() == 1 && point != Point.END) {
            assertThat(runs.endedWith).isSameAs(OWN);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("storeFailures")
    void aStoreThatThrowsNeverChangesTheJob(Call call, Throwable failure) {
        ScriptedStore store = new ScriptedStore().failing(call, failure);
        try (BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(null).build()) {
            JobExecution execution = batch.run(batch.chunkJob("weeklyUpdate", List.of(1, 2), g -> g,
                    BatchtrackJobListener.of(tracking)), new JobParametersBuilder().addLong("run", 1L).toJobParameters());

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(batch.recordedStatus(execution)).isEqualTo("COMPLETED");
            if (call != Call.FINISH) {
                assertThat(store.finished()).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
            }
        }
    }

    static Stream<Arguments> storeFailures() {
        return Stream.of(Call.START, Call.FINISH, Call.REFRESH).flatMap(call -> Stream.of(
                Arguments.of(call, new NoSuchMethodError("scripted NoSuchMethodError at " + call)),
                Arguments.of(call, new IllegalStateException("scripted RuntimeException at " + call))));
    }

    @Test
    void underFailFastAJobWhoseRunCannotBeRecordedStopsBeforeItsFirstStep() {
        ScriptedStore store = new ScriptedStore().down();
        try (BatchTracking tracking = BatchTracking.builder().store(store).policy(StoreFailurePolicy.FAIL)
                .spoolDirectory(null).build()) {
            JobExecution execution = batch.run(batch.taskletJob("weeklyUpdate", "syncSchedule", (contribution, context) -> {
                bodies.incrementAndGet();
                return null;
            }, BatchtrackJobListener.of(tracking)), new JobParametersBuilder().addLong("run", 1L).toJobParameters());

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(execution.getAllFailureExceptions()).singleElement().isInstanceOf(TrackingException.class);
            assertThat(bodies).hasValue(0);
        }
    }

    /** Runs whose tracking calls throw {@code failure} at {@code point}; counts opens and ends. */
    private static final class ThrowingRuns implements JobRuns {
        final Point point;
        final Throwable failure;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger ends = new AtomicInteger();
        volatile Throwable endedWith;

        ThrowingRuns(Point point, Throwable failure) {
            this.point = point;
            this.failure = failure;
        }

        @Override
        public Clock clock() {
            maybeThrow(Point.CLOCK);
            return Clock.systemUTC();
        }

        @Override
        public JobRun open(RunSpec spec) {
            maybeThrow(Point.OPEN);
            opened.incrementAndGet();
            return new JobRun() {
                @Override
                public void increment(String metric, long amount) {
                    maybeThrow(Point.INCREMENT);
                }

                @Override
                public void warn(String stage, String message) {
                    maybeThrow(Point.WARN);
                }

                @Override
                public void end(Throwable thrown) {
                    ends.incrementAndGet();
                    endedWith = thrown;
                    maybeThrow(Point.END);
                }
            };
        }

        private void maybeThrow(Point at) {
            if (point == at) {
                sneakyThrow(failure);
            }
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
            throw (T) t;
        }
    }
}
