package io.batchtrack.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Embedded PostgreSQL (io.zonky.test): real server binaries from Maven, run as a child process on
 * a free port, with its data in a temporary directory that is deleted when the JVM exits. Keeping
 * the directory and the port is what makes {@link #stop()} and {@link #start()} possible.
 */
final class EmbeddedServer extends PostgresServer {
    /** Held strongly: java.util.logging forgets the level of a logger that is garbage-collected. */
    private static final java.util.logging.Logger ZONKY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres; // guarded by this; null while stopped

    private EmbeddedServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    static EmbeddedServer launch() {
        if (ZONKY_LOG.getLevel() == null) {
            // initdb and pg_ctl print ~40 INFO lines per start; keep the one line of Servers readable
            ZONKY_LOG.setLevel(java.util.logging.Level.WARNING);
        }
        try {
            Path dir = Files.createTempDirectory("batchtrack-pg-");
            EmbeddedServer server = new EmbeddedServer(dir, builder(dir).start());
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "batchtrack-embedded-pg-shutdown"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dir) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // test data need not survive a crash; this makes CREATE DATABASE and commits cheap
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off");
    }

    @Override
    public Kind kind() {
        return Kind.EMBEDDED;
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = builder(dataDirectory).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not restart on port " + port, e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /**
     * initdb lets every local connection in without a password; the first lines of pg_hba.conf (the
     * first match wins) make members of the password group use SCRAM. The file lives in the data
     * directory, so it survives {@link #stop()} and {@link #start()}.
     */
    @Override
    synchronized void requirePasswordsForGroup() {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String marker = "# batchtrack tests: members of " + PASSWORD_GROUP + " give their password";
        try {
            String rules = Files.readString(hba);
            if (rules.contains(marker)) {
                return;
            }
            String group = "+" + PASSWORD_GROUP;
            Files.writeString(hba, marker + "\n"
                    + "local all " + group + " scram-sha-256\n"
                    + "host all " + group + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + group + " ::1/128 scram-sha-256\n" + rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit " + hba, e);
        }
        executeAsAdmin("SELECT pg_reload_conf()");
    }

    @Override
    String urlOf(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    String adminDatabase() {
        return "postgres";
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    String password() {
        return "";
    }

    private void shutdown() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // the JVM is exiting; nothing better to do
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
