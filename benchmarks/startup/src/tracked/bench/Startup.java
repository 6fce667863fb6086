package bench;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The startup workload: loads every class named in the file given as the first argument (the classes
 * of Flyway, Jdbi, HikariCP, the PostgreSQL driver, their dependencies and Jackson), then calls one
 * tracked method. Loading without initialising: every class goes through the agents' transformers,
 * no library code runs. The OpenTelemetry twin (src/otel) differs only in its annotation.
 */
public final class Startup {
    private Startup() {}

    public static void main(String[] args) throws IOException {
        List<String> names = Files.readAllLines(Path.of(args[0]));
        ClassLoader loader = Startup.class.getClassLoader();
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // an optional dependency the libraries do not need here; the count shows how many
            }
        }
        System.out.println("classes=" + names.size() + " loaded=" + loaded + " result=" + weeklyUpdate(2025, 9, loaded));
    }

    @TrackedBatch(type = "startup_benchmark")
    static int weeklyUpdate(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, int classes) {
        Tracker.current().increment("classes_loaded", classes);
        return classes;
    }
}
