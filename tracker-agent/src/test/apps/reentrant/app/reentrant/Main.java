package app.reentrant;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;

/**
 * (Java 8 source.) Woven methods that call themselves: a recursion of depth 3, an exclusive one
 * (which must not collide with its own outer run), one whose inner call throws, and a call of
 * another type inside, which still nests.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("recursive.result=" + recursive(2025, 9, 3));
        try {
            exclusive(2025, 9, 2);
            System.out.println("exclusive.returned=true");
        } catch (RuntimeException e) {
            System.out.println("exclusive.threw=" + e.getClass().getName());
        }
        System.out.println("recovering.result=" + recovering(2025, 9, true));
    }

    @TrackedBatch(type = "recursive_job")
    static int recursive(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, int depth) {
        Tracker.current().increment("games_processed");
        if (depth == 0) {
            other(season, week);
            return 1;
        }
        return 1 + recursive(season, week, depth - 1);
    }

    @TrackedBatch(type = "other_job")
    static void other(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        Tracker.current().increment("api_calls_made");
    }

    @TrackedBatch(type = "exclusive_job", exclusive = true)
    static void exclusive(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, int depth) {
        Tracker.current().increment("games_processed");
        System.out.println("exclusive.body." + depth + "=ran");
        if (depth > 0) {
            exclusive(season, week, depth - 1);
        }
    }

    private static final IllegalStateException INNER = new IllegalStateException("inner failed");

    @TrackedBatch(type = "recovering_job")
    static String recovering(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, boolean outer) {
        if (!outer) {
            throw INNER;
        }
        try {
            recovering(season, week, false);
            return "inner returned";
        } catch (IllegalStateException e) {
            return "inner threw the same=" + (e == INNER);
        }
    }
}
