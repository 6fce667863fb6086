package io.batchtrack.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four ways a batch gets tracked, each as the JVM command line that runs the scenario program
 * through it. Every one records with the jdbc store; the database comes from {@link ScenarioRun}.
 */
enum FrontDoor {
    /** The unwoven program, whose jobs wrap themselves in {@code BatchTracker}. */
    PROGRAMMATIC("programmatic") {
        @Override
        List<Path> classpath() {
            return with(Layout.scenarios(), Layout.store());
        }
    },

    /** The unwoven program under {@code -javaagent:tracker-agent.jar}. */
    AGENT("tracked") {
        @Override
        List<String> jvmOptions() {
            return List.of("-javaagent:" + Layout.agent());
        }

        @Override
        List<Path> classpath() {
            // the application ships no store: the agent jar brings its own, relocated
            return List.of(Layout.scenarios());
        }
    },

    /** The program compiled by ajc with tracker-aspectj as an aspect library. */
    ASPECTJ_COMPILE_TIME("tracked") {
        @Override
        List<Path> classpath() {
            List<Path> cp = with(Layout.scenariosWoven(), Layout.store());
            cp.add(Layout.aspect());
            cp.add(Layout.aspectjrt());
            return cp;
        }
    },

    /** The unwoven program with tracker-aspectj:ltw (its META-INF/aop.xml) under {@code -javaagent:aspectjweaver.jar}. */
    ASPECTJ_LOAD_TIME("tracked") {
        @Override
        List<String> jvmOptions() {
            return List.of("-javaagent:" + Layout.aspectjweaver());
        }

        @Override
        List<Path> classpath() {
            List<Path> cp = with(Layout.scenarios(), Layout.store());
            cp.add(Layout.aspectForLoadTimeWeaving());
            return cp;
        }
    };

    private final String jobs;

    FrontDoor(String jobs) {
        this.jobs = jobs;
    }

    /** The argument of the scenario program: which implementation of its jobs it calls. */
    String jobs() {
        return jobs;
    }

    List<String> jvmOptions() {
        return List.of();
    }

    abstract List<Path> classpath();

    /** The schema this front door's runs are recorded in; one database holds all four. */
    String schema() {
        return "fd_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Path> with(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
