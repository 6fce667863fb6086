package io.batchtrack.internal.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;

/** Return types are recognised by name, the declared type's and its supertypes'. */
class AsyncReturnTest {
    /** A made-up hierarchy: the names a type pool would read from class files. */
    private static final Map<String, List<String>> SUPERTYPES = Map.of(
            "reactor.core.publisher.Mono", List.of("java.lang.Object", "reactor.core.CorePublisher"),
            "reactor.core.CorePublisher", List.of("org.reactivestreams.Publisher"),
            "app.MyMono", List.of("reactor.core.publisher.Mono"),
            "app.Settable", List.of("java.lang.Object", "app.Listenable"),
            "app.Listenable", List.of("com.google.common.util.concurrent.ListenableFuture"),
            "app.Report", List.of("java.lang.Object"));

    private static AsyncReturn classify(String name) {
        return AsyncReturn.classify(name, n -> SUPERTYPES.getOrDefault(n, List.of()));
    }

    @Test
    void reactive_types_are_recognised_by_name_without_loading_them() {
        assertThat(classify("reactor.core.publisher.Mono")).isEqualTo(AsyncReturn.REACTOR_MONO);
        assertThat(classify("reactor.core.publisher.Flux")).isEqualTo(AsyncReturn.REACTOR_FLUX);
        assertThat(classify("io.reactivex.rxjava3.core.Flowable")).isEqualTo(AsyncReturn.RXJAVA_FLOWABLE);
        assertThat(classify("org.reactivestreams.Publisher")).isEqualTo(AsyncReturn.REACTIVE_STREAMS_PUBLISHER);
        assertThat(classify("java.util.concurrent.Flow$Publisher")).isEqualTo(AsyncReturn.FLOW_PUBLISHER);
        assertThat(classify("com.google.common.util.concurrent.ListenableFuture"))
                .isEqualTo(AsyncReturn.LISTENABLE_FUTURE);
        assertThat(AsyncReturn.REACTOR_MONO.wraps()).isTrue();
        assertThat(AsyncReturn.LISTENABLE_FUTURE.wraps()).isFalse();
    }

    @Test
    void a_subtype_of_a_future_is_that_future_but_a_publisher_class_cannot_be_rebuilt() {
        assertThat(classify("app.Settable")).isEqualTo(AsyncReturn.LISTENABLE_FUTURE);
        assertThat(classify("app.MyMono")).isEqualTo(AsyncReturn.UNSUPPORTED);
        assertThat(classify("app.Report")).isEqualTo(AsyncReturn.NONE);
    }

    @Test
    void async_looking_types_that_are_not_followed_are_unsupported_and_say_what_the_run_measures() {
        assertThat(classify("io.reactivex.rxjava3.core.Single")).isEqualTo(AsyncReturn.UNSUPPORTED);
        assertThat(classify("java.util.concurrent.Future")).isEqualTo(AsyncReturn.UNSUPPORTED);
        assertThat(AsyncReturn.UNSUPPORTED.unsupportedWarning("app.Jobs.odds()", "io.reactivex.rxjava3.core.Single"))
                .contains("app.Jobs.odds()", "io.reactivex.rxjava3.core.Single",
                        "its run measures only the call, ending when the method returns");
        assertThat(AsyncReturn.REACTOR_MONO.unsupportedWarning("m", "t")).isNull();
    }

    static final class Batches {
        static CompletableFuture<String> stage() {
            return null;
        }

        static SubmissionPublisher<String> submissionPublisher() {
            return null;
        }

        static Flow.Publisher<String> flow() {
            return null;
        }

        static Future<String> future() {
            return null;
        }

        static int count() {
            return 0;
        }
    }

    @Test
    void loaded_return_types_are_walked_by_name_too() throws NoSuchMethodException {
        assertThat(AsyncReturn.of(Batches.class.getDeclaredMethod("stage"))).isEqualTo(AsyncReturn.COMPLETION_STAGE);
        assertThat(AsyncReturn.of(Batches.class.getDeclaredMethod("flow"))).isEqualTo(AsyncReturn.FLOW_PUBLISHER);
        // a concrete publisher class: a wrapper would not be a SubmissionPublisher
        assertThat(AsyncReturn.of(Batches.class.getDeclaredMethod("submissionPublisher")))
                .isEqualTo(AsyncReturn.UNSUPPORTED);
        assertThat(AsyncReturn.of(Batches.class.getDeclaredMethod("future"))).isEqualTo(AsyncReturn.UNSUPPORTED);
        assertThat(AsyncReturn.of(Batches.class.getDeclaredMethod("count"))).isEqualTo(AsyncReturn.NONE);
    }
}
