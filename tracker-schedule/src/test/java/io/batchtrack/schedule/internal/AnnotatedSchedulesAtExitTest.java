package io.batchtrack.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.spi.DeclaredSchedule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A schedule that is still queued when the JVM begins to exit: its warning must reach standard error,
 * because java.util.logging's shutdown hook may already have removed its handlers by the time the
 * worker gets to it (a batch that ends at once lost exactly this line in a forked run,
 * tracker-agent's {@code AnnotatedScheduleIT}). java.util.logging's console handler holds the
 * standard error of its creation, so a line that only went through it is not in the capture below.
 */
class AnnotatedSchedulesAtExitTest {

    @Test
    void aWarningWrittenWhileTheJvmExitsReachesStandardError() {
        AnnotatedSchedules schedules = new AnnotatedSchedules(null, Clock.systemUTC()); // a bad cron never reaches the store
        java.util.logging.Logger.getLogger("").getHandlers(); // the console handler takes the real stderr now
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            schedules.exiting();
            assertThat(schedules.scheduleDeclared(new DeclaredSchedule("prediction_generation", null, "0 12 * * 4 2026",
                    "", "", "", "app.Main.generatePredictions"))).isTrue();
            schedules.close(); // waits for the worker
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("WARNING: batchtrack does not register")
                .contains("cron '0 12 * * 4 2026' does not parse");
    }
}
