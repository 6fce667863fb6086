package io.batchtrack.agent.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDK the forked tests start applications with: the one running the tests, plus every
 * {@code java.home} listed in the system property {@code batchtrack.test.jdks} that exists here.
 *
 * @param home the JDK's {@code java.home}
 * @param feature its feature version, 17 or 25 for example
 */
public record Jdk(Path home, int feature) {

    public static List<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(current());
        for (String h : System.getProperty("batchtrack.test.jdks", "").split(",")) {
            Path home = h.isBlank() ? null : Path.of(h.trim());
            if (home != null && Files.isExecutable(home.resolve("bin/java"))
                    && jdks.stream().noneMatch(j -> j.home.equals(home))) {
                jdks.add(new Jdk(home, featureOf(home)));
            }
        }
        return jdks;
    }

    public static Jdk current() {
        return new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    public String java() {
        return home.resolve("bin" + File.separator + "java").toString();
    }

    public String javac() {
        return home.resolve("bin" + File.separator + "javac").toString();
    }

    public boolean isCurrent() {
        return home.equals(current().home);
    }

    private static int featureOf(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    int dot = v.indexOf('.');
                    return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the version of the JDK at " + home, e);
        }
        throw new IllegalStateException("no JAVA_VERSION in " + home.resolve("release"));
    }

    @Override
    public String toString() {
        return "Java " + feature;
    }
}
