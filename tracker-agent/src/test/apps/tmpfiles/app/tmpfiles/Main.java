package app.tmpfiles;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** What the agent left in the temporary directory while the program runs: one line per file, with its mode. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
        System.out.println("job.result=" + job());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path f : files) {
                System.out.println("tmp." + f.getFileName() + "="
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            }
        }
    }

    @TrackedBatch(type = "tmpfiles_job")
    static String job() {
        return Tracker.current().runId().isPresent() ? "tracked" : "untracked";
    }
}
