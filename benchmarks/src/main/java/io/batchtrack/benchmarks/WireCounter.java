package io.batchtrack.benchmarks;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback proxy in front of PostgreSQL that reads the server's side of the wire protocol and counts,
 * exactly and for any client: round trips (one ReadyForQuery per Sync or simple Query: the client
 * waited for the server that many times), SQL statements (CommandComplete, by command word; BEGIN,
 * COMMIT and ROLLBACK apart) and transactions (COMMITs, plus statements that ran outside a transaction
 * block, each its own autocommit transaction). Clients connect with sslmode=disable and
 * gssEncMode=disable, so the server's answers are plain typed messages from the first byte.
 */
final class WireCounter implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    final LongAdder roundTrips = new LongAdder();
    final LongAdder statements = new LongAdder();
    final LongAdder transactions = new LongAdder();
    final Map<String, LongAdder> byCommand = new ConcurrentHashMap<>();

    WireCounter(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "wire-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void reset() {
        roundTrips.reset();
        statements.reset();
        transactions.reset();
        byCommand.clear();
    }

    /** Statements by command word, e.g. {@code {INSERT=2, SELECT=5}}. */
    Map<String, Long> commands() {
        Map<String, Long> m = new TreeMap<>();
        byCommand.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                daemon(() -> copy(client, server), "wire-counter-c2s");
                daemon(() -> parse(server, client), "wire-counter-s2c");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void parse(Socket from, Socket to) {
        boolean started = false; // the first ReadyForQuery ends the connection's start-up, not a client request
        boolean inBlock = false;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(from.getInputStream()));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(to.getOutputStream()))) {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                out.write(type);
                out.writeInt(length);
                out.write(body);
                if (in.available() == 0) {
                    out.flush();
                }
                if (type == 'Z') {
                    if (started) {
                        roundTrips.increment();
                    }
                    started = true;
                    inBlock = body[0] != 'I';
                } else if (type == 'C') {
                    String tag = new String(body, 0, body.length - 1, StandardCharsets.US_ASCII);
                    String command = tag.split(" ", 2)[0];
                    switch (command) {
                        case "BEGIN" -> inBlock = true;
                        case "COMMIT", "ROLLBACK" -> {
                            transactions.increment();
                            inBlock = false;
                        }
                        default -> {
                            statements.increment();
                            byCommand.computeIfAbsent(command, k -> new LongAdder()).increment();
                            if (!inBlock) {
                                transactions.increment();
                            }
                        }
                    }
                }
            }
        } catch (IOException ignored) {
            // the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
