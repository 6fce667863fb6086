package io.batchtrack.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one Java program in a JVM of its own and echoes its output, each line prefixed. */
final class ForkedJvm {
    static final int TIMED_OUT = -1;
    /**
     * What HotSpot 17 prints under any agent that appends to the bootstrap class path (tracker-agent's
     * README explains it); it says nothing about the demo, so the echo leaves it out.
     */
    static final String CDS_NOTICE = "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader"
            + " classes because bootstrap classpath has been appended";

    private final Map<String, String> environment;
    private final Duration timeout;
    private final PrintStream echo;

    /** @param environment added to this process's environment (which children inherit) */
    ForkedJvm(Map<String, String> environment, Duration timeout, PrintStream echo) {
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
        this.echo = echo;
    }

    /** The command line: this JVM's {@code java}, then {@code jvmOptions}, the class and its arguments. */
    static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** {@code java -jar jar args}, with this JVM's {@code java}. */
    static List<String> jarCommand(Path jar, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return cmd;
    }

    /** Runs the command to its end and returns its exit code, or {@link #TIMED_OUT} after killing it. */
    int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
        Thread pump = new Thread(() -> copy(p), "demo-output-" + p.pid());
        pump.setDaemon(true);
        pump.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            pump.join(1_000);
            echo.println("  | (killed after " + timeout.toSeconds() + " s)");
            return TIMED_OUT;
        }
        pump.join();
        return p.exitValue();
    }

    private void copy(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.equals(CDS_NOTICE)) {
                    echo.println("  | " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
