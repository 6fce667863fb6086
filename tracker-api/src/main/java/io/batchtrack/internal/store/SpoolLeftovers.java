package io.batchtrack.internal.store;

import io.batchtrack.internal.Log;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a closing spool leaves for the next start, gathered file by file (this engine's own, then
 * those of ended processes it could not hand over) and reported in one warning: how many records,
 * in which files. Nothing left, nothing said.
 */
final class SpoolLeftovers {
    private final List<String> places = new ArrayList<>();
    private long records;

    /** {@code n} records (more than none) left in {@code file}. */
    void records(long n, Path file) {
        records += n;
        places.add(n + " record(s) in " + file);
    }

    /** Records left in {@code file}, how many unknown (it could not be read). */
    void unknown(Path file) {
        places.add("unknown record(s) in " + file);
    }

    /** The directory could not be listed: its files may hold records. */
    void unreadable(Path directory, Exception e) {
        places.add("the files of " + directory + " (unreadable: " + Log.describe(e) + ")");
    }

    /** @param exiting whether the JVM exits (the report then goes to standard error too: {@link Log#warnAtExit}) */
    void report(boolean exiting) {
        if (places.isEmpty()) {
            return;
        }
        String message = "batchtrack leaves " + records + " record(s) not handed to the store: "
                + String.join(", ", places) + "; the next start with the same store hands them over";
        if (exiting) {
            Log.warnAtExit(message);
        } else {
            Log.warn(message);
        }
    }
}
