package app.shapes;

import io.batchtrack.TrackedBatch;
import java.util.concurrent.Callable;

/** Inheritance shapes: abstract classes, default and static interface methods, bridge methods. */
final class Jobs {
    private Jobs() {}

    abstract static class Template {
        @TrackedBatch(type = "abstract_class_method")
        public int runTemplate() {
            Out.t("abstract_class_method.inside", Out.run());
            return step() * 2;
        }

        protected abstract int step();

        @TrackedBatch(type = "abstract_method")
        protected abstract void annotatedButAbstract();
    }

    static final class Concrete extends Template {
        @Override
        protected int step() {
            return 21;
        }

        @Override
        protected void annotatedButAbstract() {
            Out.t("abstract_method.inside", Out.run());
        }
    }

    interface Job {
        @TrackedBatch(type = "default_method")
        default String describe() {
            Out.t("default_method.inside", Out.run());
            return "job " + name();
        }

        String name();

        @TrackedBatch(type = "interface_static_method")
        static int version() {
            Out.t("interface_static_method.inside", Out.run());
            return 3;
        }
    }

    static final class NamedJob implements Job {
        @Override
        public String name() {
            return "roster";
        }
    }

    /** javac gives call() a bridge {@code Object call()} and copies the annotation to it. */
    static final class Counted implements Callable<Integer> {
        @Override
        @TrackedBatch(type = "bridged")
        public Integer call() {
            Out.t("bridged.inside", Out.run());
            return 7;
        }
    }
}
