package io.batchtrack.agent.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a test application in a JVM of its own, optionally with {@code -javaagent:<the built agent jar>},
 * and waits for it. The child's environment is this one's without {@code BATCHTRACK_*}, {@code CI} and
 * {@code JAVA_TOOL_OPTIONS}, so a developer's or CI's settings cannot change what a test sees. Each run
 * with the agent weaves into a weaving cache of its own (in its run directory), so no run takes
 * another's woven classes, unless the test names a cache or asks for the user's default one.
 */
public final class Forked {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long TIMEOUT_SECONDS = 120;

    private final Jdk jdk;
    private final String mainClass;
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> optionsBeforeAgent = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private String agentArguments;
    private boolean agent;
    private boolean ownCache = true;

    private Forked(Jdk jdk, String mainClass) {
        this.jdk = jdk;
        this.mainClass = mainClass;
    }

    public static Forked app(Jdk jdk, String mainClass, Path... classpath) {
        Forked f = new Forked(jdk, mainClass);
        f.classpath.addAll(List.of(classpath));
        return f;
    }

    /** {@code java -jar jar}: the jar's Main-Class, with the jar as the class path. */
    public static Forked jar(Jdk jdk, Path jar) {
        Forked f = new Forked(jdk, null);
        f.classpath.add(jar);
        return f;
    }

    /** Runs with the agent and these agent arguments ({@code null} for none). */
    public Forked agent(String arguments) {
        this.agent = true;
        this.agentArguments = arguments;
        return this;
    }

    public Forked sysprop(String key, String value) {
        jvmOptions.add("-D" + key + "=" + value);
        return this;
    }

    /** A JVM option given before the agent's {@code -javaagent} (another agent whose premain runs first). */
    public Forked jvmOptionBeforeAgent(String option) {
        optionsBeforeAgent.add(option);
        return this;
    }

    public Forked jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public Forked env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Leaves the weaving cache where the agent puts it by default (set {@code XDG_CACHE_HOME} to choose). */
    public Forked defaultCache() {
        this.ownCache = false;
        return this;
    }

    public Forked args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    public AppRun run() {
        String name = mainClass == null ? "jar" : mainClass.substring(mainClass.lastIndexOf('.') + 1);
        Path dir = TestApps.work().resolve("runs").resolve(COUNTER.incrementAndGet() + "-" + name + "-java"
                + jdk.feature());
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>();
            command.add(jdk.java());
            command.addAll(optionsBeforeAgent);
            if (agent) {
                command.add("-javaagent:" + TestApps.agentJar()
                        + (agentArguments == null ? "" : "=" + agentArguments));
            }
            command.addAll(jvmOptions);
            if (mainClass == null) {
                command.add("-jar");
                command.add(classpath.get(0).toString());
            } else {
                command.add("-cp");
                command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
                command.add(mainClass);
            }
            command.addAll(args);
            Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n" + env + "\n");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile()).directory(dir.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("BATCHTRACK_") || k.equals("CI")
                    || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
            pb.environment().putAll(env);
            if (agent && ownCache) {
                // the lowest-ranked source but a file: a test that names a cache anywhere else wins
                pb.environment().putIfAbsent("BATCHTRACK_CACHE_DIR", dir.resolve("weave-cache").toString());
            }
            // runs that cannot reach their database spool there, never in the user's home
            pb.environment().putIfAbsent("BATCHTRACK_SPOOL_DIR", dir.resolve("spool").toString());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the application did not end within " + TIMEOUT_SECONDS + " s; see "
                        + dir);
            }
            return new AppRun(p.exitValue(), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
