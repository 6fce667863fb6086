package io.batchtrack.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.batchtrack.jdbi.internal.Pools;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL 17 (io.zonky.test) for one benchmark fork, with commits either durable
 * (fsync, synchronous_commit and full_page_writes on: PostgreSQL's defaults) or not (all three
 * off: what the test suite and zonky's own defaults use). Its data directory is deleted on close.
 */
public final class Pg implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final boolean durable;
    private boolean closed; // guarded by this

    private Pg(EmbeddedPostgres server, Path dataDirectory, boolean durable) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.durable = durable;
    }

    /** Starts a server; {@code extra} settings (for example shared_buffers) are applied on top. */
    public static Pg start(boolean durable, Map<String, String> extra) {
        String onOff = durable ? "on" : "off";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fsync", onOff);
        config.put("synchronous_commit", onOff);
        config.put("full_page_writes", onOff);
        config.putAll(extra);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("batchtrack-bench-pg-");
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false);
            config.forEach(b::setServerConfig);
            Pg pg = new Pg(b.start(), dir, durable);
            // an interrupted run (Ctrl-C) stops the server and deletes its data too
            Runtime.getRuntime().addShutdownHook(new Thread(pg::closeQuietly, "batchtrack-bench-pg-cleanup"));
            pg.requireSettings(config);
            return pg;
        } catch (IOException e) {
            delete(dir);
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public static Pg start(boolean durable) {
        return start(durable, Map.of());
    }

    /** A JDBC URL of the {@code postgres} database; SSL and GSS negotiation off, as on a loopback. */
    public String url() {
        return url(server.getPort());
    }

    /** The same database reached through another port, e.g. a {@link WireCounter} in front of the server. */
    public static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable&gssEncMode=disable";
    }

    public int port() {
        return server.getPort();
    }

    public boolean durable() {
        return durable;
    }

    /** A pool configured exactly as the store's own ({@code store=jdbc}, pool size 4). */
    public HikariDataSource pool(String jdbcUrl) {
        return Pools.pooled(jdbcUrl, "postgres", null, 4, 5_000);
    }

    public HikariDataSource pool() {
        return pool(url());
    }

    /** One line naming the settings that decide the cost of a commit, read back from the server. */
    public String describe() {
        try (Connection c = java.sql.DriverManager.getConnection(url(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version(), current_setting('fsync'),"
                        + " current_setting('synchronous_commit'), current_setting('full_page_writes'),"
                        + " current_setting('shared_buffers'), current_setting('wal_sync_method')")) {
            rs.next();
            return rs.getString(1).replaceAll(" on x86_64.*", "") + ": fsync=" + rs.getString(2)
                    + " synchronous_commit=" + rs.getString(3) + " full_page_writes=" + rs.getString(4)
                    + " shared_buffers=" + rs.getString(5) + " wal_sync_method=" + rs.getString(6)
                    + " data=" + dataDirectory;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireSettings(Map<String, String> expected) {
        try (Connection c = java.sql.DriverManager.getConnection(url(), "postgres", "");
                java.sql.PreparedStatement s = c.prepareStatement("SELECT current_setting(?)")) {
            for (String key : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getString(1).equals(expected.get(key))) {
                        throw new IllegalStateException(key + " is " + rs.getString(1) + ", not " + expected.get(key));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes the data directory takes now. */
    public long diskBytes() {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the JVM is exiting
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dataDirectory);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
