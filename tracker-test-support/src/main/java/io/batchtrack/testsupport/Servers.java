package io.batchtrack.testsupport;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses and starts the JVM's one test server: an explicit URL, else Testcontainers when a Docker
 * engine answers, else embedded PostgreSQL. System properties:
 * <ul>
 *   <li>{@code batchtrack.test.jdbc-url}, {@code .user} (default {@code postgres}), {@code .password}</li>
 *   <li>{@code batchtrack.test.postgres}: {@code auto} (default), {@code docker} or {@code embedded}</li>
 *   <li>{@code batchtrack.test.postgres-image}: the container image, default {@code postgres:17-alpine}</li>
 * </ul>
 */
final class Servers {
    static final String URL_PROPERTY = "batchtrack.test.jdbc-url";
    static final String MODE_PROPERTY = "batchtrack.test.postgres";
    static final String IMAGE_PROPERTY = "batchtrack.test.postgres-image";
    private static final Duration DOCKER_PING_TIMEOUT = Duration.ofMillis(1500);
    private static final System.Logger LOG = System.getLogger(PostgresExtension.class.getName());

    private static PostgresServer shared; // guarded by Servers.class

    private Servers() {}

    static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = choose();
        }
        return shared;
    }

    private static PostgresServer choose() {
        long start = System.nanoTime();
        String url = System.getProperty(URL_PROPERTY);
        if (url != null && !url.isBlank()) {
            PostgresServer server = new ExplicitServer(url.trim(), System.getProperty(URL_PROPERTY + ".user", "postgres"),
                    System.getProperty(URL_PROPERTY + ".password", ""));
            announce(server, "given by " + URL_PROPERTY, start);
            return server;
        }
        String mode = System.getProperty(MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("docker") && !mode.equals("embedded")) {
            throw new IllegalArgumentException(MODE_PROPERTY + "='" + mode + "' is not one of auto, docker, embedded");
        }
        String why = MODE_PROPERTY + "=embedded";
        if (!mode.equals("embedded")) {
            String home = System.getProperty("user.home");
            Optional<String> docker = DockerProbe.answeringEndpoint(System.getenv(),
                    home == null ? null : Path.of(home), DOCKER_PING_TIMEOUT);
            long probeMillis = (System.nanoTime() - start) / 1_000_000;
            if (docker.isPresent()) {
                try {
                    PostgresServer server = ContainerServer.launch(
                            System.getProperty(IMAGE_PROPERTY, "postgres:17-alpine"));
                    announce(server, "Docker answered at " + docker.get(), start);
                    return server;
                } catch (RuntimeException e) {
                    if (mode.equals("docker")) {
                        throw e;
                    }
                    why = "Docker answered at " + docker.get() + " but the container failed (" + e + ")";
                }
            } else if (mode.equals("docker")) {
                throw new IllegalStateException(MODE_PROPERTY + "=docker but no Docker engine answered");
            } else {
                why = "no Docker engine answered (checked in " + probeMillis + " ms)";
            }
        }
        PostgresServer server = EmbeddedServer.launch();
        announce(server, why, start);
        return server;
    }

    private static void announce(PostgresServer server, String why, long startNanos) {
        String version;
        try (Connection c = server.adminDataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            version = rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the " + server + " does not answer: " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "Tests use " + server + " (PostgreSQL " + version + "; " + why + "; ready in "
                + (System.nanoTime() - startNanos) / 1_000_000 + " ms)");
    }
}
