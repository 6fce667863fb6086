package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.BatchTracking;
import io.batchtrack.RunStatus;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testing.ScriptedStore;
import io.batchtrack.testing.ScriptedStore.Call;
import java.time.Duration;
import java.util.ServiceConfigurationError;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Through the Spring AOP interceptor (a bean proxy, as the starter makes): a store that throws, an
 * {@code Error} included, at a run's start, end or readiness refresh never changes what the method
 * returns or throws, its body runs once, the failure is logged; an asynchronous result is handed to
 * the caller as the engine wraps it, so its run ends when it does.
 */
class InterceptorTrackingFailuresTest {
    private static final IllegalStateException OWN = new IllegalStateException("the body's own failure");

    /** The bean: public, non-final methods, as Spring proxies them. */
    public static class Batch {
        final AtomicInteger bodies = new AtomicInteger();

        @TrackedBatch(type = "weekly_update")
        public int returning() {
            bodies.incrementAndGet();
            return 42;
        }

        @TrackedBatch(type = "weekly_update")
        public int throwing() {
            bodies.incrementAndGet();
            throw OWN;
        }

        @TrackedBatch(type = "weekly_update")
        public Flow.Publisher<String> publishing(SubmissionPublisher<String> publisher) {
            bodies.incrementAndGet();
            return publisher;
        }
    }

    private ScriptedStore store;
    private BatchTracking tracking;
    private BatchTracking previous;
    private Batch target;
    private Batch proxy;

    static Stream<Arguments> failures() {
        return Stream.of(Call.START, Call.FINISH, Call.REFRESH).flatMap(call -> Stream.of(
                Arguments.of(call, new NoSuchMethodError("scripted NoSuchMethodError at " + call)),
                Arguments.of(call, new ServiceConfigurationError("scripted ServiceConfigurationError at " + call)),
                Arguments.of(call, new StackOverflowError("scripted StackOverflowError at " + call)),
                Arguments.of(call, new OutOfMemoryError("scripted OutOfMemoryError at " + call)),
                Arguments.of(call, new IllegalStateException("scripted RuntimeException at " + call))));
    }

    @BeforeEach
    void engine() {
        store = new ScriptedStore();
        tracking = BatchTracking.builder().store(store).spoolDirectory(null)
                .heartbeatInterval(Duration.ofSeconds(30)).build();
        previous = BatchTracking.setGlobal(tracking);
        target = new Batch();
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvice(new TrackedBatchInterceptor());
        proxy = (Batch) factory.getProxy();
    }

    @AfterEach
    void restore() {
        tracking.close();
        if (previous != null) {
            BatchTracking.setGlobal(previous);
        }
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void a_proxied_method_returns_its_value_when_the_store_throws(Call call, Throwable failure) {
        store.failing(call, failure);

        try (LoggedLines log = LoggedLines.capture()) {
            assertThat(proxy.returning()).isEqualTo(42);
            assertThat(log.containing(failure.getMessage())).as("the failure is logged").isNotEmpty();
        }

        assertThat(target.bodies).hasValue(1);
        if (call != Call.FINISH) {
            assertThat(store.finished()).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void a_proxied_method_throws_its_own_exception_when_the_store_throws(Call call, Throwable failure) {
        store.failing(call, failure);

        Throwable thrown = catchThrowable(proxy::throwing);

        assertThat(thrown).isSameAs(OWN);
        assertThat(target.bodies).hasValue(1);
        if (call != Call.FINISH) {
            assertThat(store.finished()).extracting(RunRecord::status).containsExactly(RunStatus.FAILED);
        }
    }

    @Test
    void a_returned_publisher_ends_its_run_at_its_terminal_signal() throws Exception {
        SubmissionPublisher<String> source = new SubmissionPublisher<>();
        Flow.Publisher<String> returned = proxy.publishing(source);
        assertThat(store.finished()).as("the run stays open until the publisher completes").isEmpty();

        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        returned.subscribe(new Flow.Subscriber<>() {
            @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
            @Override public void onNext(String item) {}
            @Override public void onError(Throwable t) { done.countDown(); }
            @Override public void onComplete() { done.countDown(); }
        });
        source.submit("week 1");
        source.close();
        assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        io.batchtrack.testing.Poll.until(Duration.ofSeconds(10), () -> store.finished().size() == 1, "the run's end");
        assertThat(store.finished()).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
        assertThat(target.bodies).hasValue(1);
    }
}
