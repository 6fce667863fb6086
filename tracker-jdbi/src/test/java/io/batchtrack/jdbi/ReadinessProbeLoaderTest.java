package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.spi.ReadinessProbe;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store looks a {@code ReadinessProbe} service up per class loader: a first refresh asked from a
 * loader that sees no probe (a pool or heartbeat thread's) does not hide the probe of the
 * application's loader from later refreshes, for the life of the JVM.
 */
@ExtendWith(PostgresExtension.class)
class ReadinessProbeLoaderTest {
    private static final String READINESS = "SELECT games_count, predictions_count FROM data_readiness"
            + " WHERE season_year = 2025 AND week = 17 AND season_type = 'reg'";

    @TempDir
    Path dir;

    @Test
    void aProbeIsFoundThroughTheApplicationsLoaderAfterAnotherLoaderFoundNone(PostgresDatabase db) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ReadinessProbe.class.getName()), ReadinessTest.FixedProbe.class.getName());
        Fixture f = Fixture.of(db);
        try (URLClassLoader pool = new URLClassLoader(new URL[0], getClass().getClassLoader());
                URLClassLoader application = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                        getClass().getClassLoader())) {
            BatchTracking poolEngine = engine(f, pool);
            withContextLoader(pool, () -> poolEngine.run(WEEKLY_FULL, () -> { }));
            assertThat(f.row(READINESS)).as("no probe seen from the pool's loader: the run's own counts")
                    .containsEntry("games_count", 0);

            BatchTracking applicationEngine = engine(f, application);
            withContextLoader(application, () -> applicationEngine.run(WEEKLY_FULL, () -> { }));

            assertThat(f.row(READINESS)).containsEntry("games_count", 13).containsEntry("predictions_count", 7);
        }
    }

    private static BatchTracking engine(Fixture f, ClassLoader loader) {
        BatchTracking[] built = new BatchTracking[1];
        withContextLoader(loader, () -> built[0] = BatchTracking.builder().store(f.store).spoolDirectory(null).build());
        return built[0];
    }

    private static void withContextLoader(ClassLoader loader, Runnable action) {
        Thread t = Thread.currentThread();
        ClassLoader own = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            action.run();
        } finally {
            t.setContextClassLoader(own);
        }
    }
}
