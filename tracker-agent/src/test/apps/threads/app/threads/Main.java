package app.threads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Uses the JDK's executors before the first tracked class ({@link Jobs}) loads, as a framework would,
 * so the agent has to retransform executor classes that are already in use.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int warm = pool.submit(() -> IntStream.range(0, 100).parallel().sum()).get()
                + CompletableFuture.supplyAsync(() -> 1).join();
        pool.shutdown();
        System.out.println("warm=" + warm);
        Jobs.runAll();
    }
}
