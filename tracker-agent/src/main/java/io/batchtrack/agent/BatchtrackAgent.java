package io.batchtrack.agent;

import io.batchtrack.agent.internal.ApiJar;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The entry points of {@code tracker-agent.jar}.
 *
 * <pre>
 * java -javaagent:tracker-agent.jar=store=log,trigger=manual -jar weekly-update.jar
 * java -jar tracker-agent.jar version
 * </pre>
 *
 * <p>This class and {@link ApiJar} use nothing but the JDK: the tracker-api classes travel inside
 * the agent jar as a nested jar and only become loadable once {@link ApiJar} has appended that jar
 * to the bootstrap class path. Everything else is loaded by name afterwards.
 */
public final class BatchtrackAgent {
    private static final String INSTALLER = "io.batchtrack.agent.internal.AgentInstaller";
    private static final String CLI = "io.batchtrack.agent.internal.Cli";

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private BatchtrackAgent() {}

    /** {@code -javaagent}: never throws, so a broken agent cannot stop the application. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        if (!INSTALLED.compareAndSet(false, true)) {
            // a second -javaagent would weave every method twice: each call would record two runs
            System.err.println("[batchtrack] WARNING: the agent is given more than once; only the first counts");
            return;
        }
        try {
            ApiJar.appendToBootstrap(instrumentation);
            Class.forName(INSTALLER, true, BatchtrackAgent.class.getClassLoader())
                    .getMethod("install", String.class, Instrumentation.class)
                    .invoke(null, arguments, instrumentation);
        } catch (InvocationTargetException e) {
            notInstalled(e.getCause());
        } catch (Exception | LinkageError e) {
            notInstalled(e);
        }
    }

    /**
     * Command-line use of the agent jar. The commands run in a class loader of their own that sees the
     * agent jar and the nested api jar, so they need no installed agent.
     */
    public static void main(String[] args) throws Exception {
        Path api = ApiJar.extract();
        URL agent = BatchtrackAgent.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {agent, api.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            int status = (int) Class.forName(CLI, true, loader).getMethod("run", String[].class)
                    .invoke(null, (Object) args);
            if (status != 0) {
                System.exit(status);
            }
        }
    }

    private static void notInstalled(Throwable t) {
        // System.err, not the api's logger: the api may be the very thing that failed to load.
        System.err.println("[batchtrack] WARNING: the agent is not installed (" + t
                + "); the application runs untracked");
    }
}
