package app.shapes;

import io.batchtrack.TrackedBatch;
import java.io.IOException;

/** Methods that throw what they are given; the caller checks it receives the very same instance. */
final class Failures {

    static final class Fatal extends Error {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message);
        }
    }

    @TrackedBatch(type = "checked_failure")
    static int checked(IOException e) throws IOException {
        Out.t("checked_failure.inside", Out.run());
        throw e;
    }

    @TrackedBatch(type = "unchecked_failure")
    void unchecked(RuntimeException e) {
        throw e;
    }

    @TrackedBatch(type = "error_failure")
    static long error(Error e) {
        throw e;
    }

    @TrackedBatch(type = "failure_after_warning")
    static void failsAfterWarning(RuntimeException e) {
        io.batchtrack.Tracker.current().warn("odds", "odds feed slow");
        throw e;
    }
}
