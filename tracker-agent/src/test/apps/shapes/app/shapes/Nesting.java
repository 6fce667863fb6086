package app.shapes;

import io.batchtrack.TrackedBatch;

/** A tracked method that calls another: the inner run's parent is the outer run. */
final class Nesting {
    private Nesting() {}

    @TrackedBatch(type = "outer")
    static String outer() {
        String outer = Out.run();
        Out.t("outer.inside", outer);
        inner();
        Out.t("outer.after_inner", Out.run());
        return "outer done";
    }

    @TrackedBatch(type = "inner")
    static void inner() {
        Out.t("inner.inside", Out.run());
    }
}
