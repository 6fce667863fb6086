package bench;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The startup workload of src/tracked, with OpenTelemetry's {@code @WithSpan} instead of {@code @TrackedBatch}. */
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

    @WithSpan("startup_benchmark")
    static int weeklyUpdate(int season, int week, int classes) {
        return classes;
    }
}
