package io.batchtrack.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A local webhook receiver (the JDK's HTTP server) that records every request and answers the
 * statuses it was given, in order, then 200.
 */
final class Receiver implements AutoCloseable {
    /** One request as the receiver saw it. */
    record Request(String path, String idempotencyKey, String contentType, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    /** @param statuses the first answers; 200 after them */
    static Receiver start(Integer... statuses) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Receiver r = new Receiver(server);
            r.answers.addAll(List.of(statuses));
            server.setExecutor(Executors.newFixedThreadPool(4, t -> {
                Thread thread = new Thread(t, "receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    synchronized (r.requests) {
                        r.requests.add(new Request(exchange.getRequestURI().getPath(),
                                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                                exchange.getRequestHeaders().getFirst("Content-Type"), body));
                    }
                    Integer status = r.answers.poll();
                    byte[] answer = (status == null || status == 200 ? "ok" : "unavailable").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where it listens, with a path that stands for a webhook's secret. */
    URI url(String secretPath) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + secretPath);
    }

    /** Answers every request from now on with {@code status}. */
    void alwaysAnswer(int status, int times) {
        for (int i = 0; i < times; i++) {
            answers.add(status);
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
