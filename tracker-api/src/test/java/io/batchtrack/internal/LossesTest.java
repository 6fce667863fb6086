package io.batchtrack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LossesTest {
    @Test
    void every_loss_is_counted_by_kind_and_the_summary_warning_comes_again_while_losses_continue() {
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("io.batchtrack");
        logger.addHandler(capture);
        try {
            long before = Losses.counts().getOrDefault("test-kind", 0L);
            for (int i = 0; i < 5; i++) {
                Losses.lost("test-kind", "batchtrack lost test record " + i, null);
            }
            Losses.summariseIfDue(System.nanoTime() + TimeUnit.SECONDS.toNanos(61));
            Losses.lost("test-kind", "batchtrack lost test record 5", null);
            Losses.summariseIfDue(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)); // not a minute since the last
            Losses.summariseIfDue(System.nanoTime() + TimeUnit.SECONDS.toNanos(130));

            assertThat(Losses.counts()).containsEntry("test-kind", before + 6);
            assertThat(warnings.stream().filter(w -> w.startsWith("batchtrack lost test record"))).hasSizeLessThanOrEqualTo(1);
            assertThat(warnings.stream().filter(w -> w.startsWith("batchtrack has lost ")))
                    .as("a summary a minute apart, each with the counts so far").hasSize(2)
                    .allSatisfy(w -> assertThat(w).contains("test-kind"));
            assertThat(warnings.get(warnings.size() - 1)).contains((before + 6) + " test-kind");
        } finally {
            logger.removeHandler(capture);
        }
    }
}
