package io.batchtrack.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local webhook receiver (the JDK's HTTP server) that records every request and answers 200;
 * {@link #holdFirst()} makes it keep the first request unanswered, as a receiver that hangs.
 */
final class Receiver implements AutoCloseable {
    /** One request as the receiver saw it. */
    record Request(String idempotencyKey, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holdFirst;

    private Receiver(HttpServer server) {
        this.server = server;
    }

    static Receiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Receiver r = new Receiver(server);
            server.setExecutor(Executors.newFixedThreadPool(8, t -> {
                Thread thread = new Thread(t, "receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    boolean first;
                    synchronized (r.requests) {
                        first = r.requests.isEmpty();
                        r.requests.add(new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                    }
                    if (first && r.holdFirst) {
                        r.release.await(60, TimeUnit.SECONDS);
                    }
                    byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first request gets no answer until {@link #close}. */
    Receiver holdFirst() {
        holdFirst = true;
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts");
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
