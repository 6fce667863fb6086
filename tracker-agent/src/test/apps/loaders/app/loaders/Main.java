package app.loaders;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;

/**
 * Tracked code in three kinds of class loader: this application's, a child URLClassLoader (a plugin)
 * and a URLClassLoader whose parent is the bootstrap loader. Argument: the plugin jar.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        URL[] plugin = {Paths.get(args[0]).toUri().toURL()};
        System.out.println("track.app.api=" + (Tracker.class.getClassLoader() == null ? "bootstrap" : "own"));
        try (URLClassLoader child = new URLClassLoader(plugin, Main.class.getClassLoader());
                URLClassLoader isolated = new URLClassLoader(plugin, null)) {
            System.out.println("app.result=" + appJob(child));
            System.out.println("track.child.result=" + callPlugin(child, "child"));
            System.out.println("track.isolated.result=" + callPlugin(isolated, "isolated"));
            System.out.println("track.isolated.loader="
                    + (isolated.loadClass("plugin.PluginJob").getClassLoader() == isolated ? "isolated" : "other"));
        }
        System.out.println("track.after.current=" + Tracker.current().runId().map(Object::toString).orElse("none"));
    }

    @TrackedBatch(type = "app_job")
    static int appJob(ClassLoader child) throws Exception {
        System.out.println("track.app.inside=" + Tracker.current().runId().map(Object::toString).orElse("none"));
        System.out.println("track.nested.result=" + callPlugin(child, "nested"));
        return 11;
    }

    static String callPlugin(ClassLoader loader, String mode) throws Exception {
        Class<?> type = loader.loadClass("plugin.PluginJob");
        Object job = type.getConstructor().newInstance();
        return (String) type.getMethod("run", String.class).invoke(job, mode);
    }
}
