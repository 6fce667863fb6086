package io.batchtrack.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-thread cells and the shared adders beyond them add up exactly, while a reader sums meanwhile. */
class StandardCountersTest {

    @Test
    void moreThreadsThanCellsCountExactlyAndAReaderNeverSeesATotalGoBack() throws Exception {
        StandardCounters counters = new StandardCounters(7);
        int threads = StandardCounters.CELLS + 4; // some threads go through the shared adders
        int perThread = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong wentBack = new AtomicLong();
        Thread reader = new Thread(() -> {
            long last = 0;
            while (!done.get()) {
                long now = counters.sum(1);
                if (now < last) {
                    wentBack.incrementAndGet();
                }
                last = now;
            }
        });
        reader.start();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    counters.add(1, 1);
                    counters.add(6, 2);
                }
            });
            writers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }
        done.set(true);
        reader.join();

        assertThat(counters.sum(1)).isEqualTo((long) threads * perThread);
        assertThat(counters.sum(6)).isEqualTo(2L * threads * perThread);
        assertThat(counters.sum(0)).isZero();
        assertThat(wentBack.get()).as("times a reader saw the total shrink").isZero();
    }
}
