package io.batchtrack.testsupport;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local webhook receiver for alert tests (the JDK's HTTP server on loopback): records every request
 * and answers the statuses it was given, in order, then 200. {@link #holdFirst()} keeps the first
 * request unanswered until {@link #close()}, as a receiver that hangs. Shared by every module whose
 * tests send alerts, so that they all see a receiver the same way.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as it arrived. */
    public record Request(String path, String idempotencyKey, String contentType, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>(); // guarded by itself
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holdFirst;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** @param statuses the first answers; 200 after them */
    public static WebhookReceiver start(Integer... statuses) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver r = new WebhookReceiver(server);
            r.answers.addAll(List.of(statuses));
            server.setExecutor(Executors.newFixedThreadPool(8, t -> {
                Thread thread = new Thread(t, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    boolean first;
                    synchronized (r.requests) {
                        first = r.requests.isEmpty();
                        r.requests.add(new Request(exchange.getRequestURI().getPath(),
                                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                                exchange.getRequestHeaders().getFirst("Content-Type"), body));
                    }
                    if (first && r.holdFirst) {
                        r.release.await(60, TimeUnit.SECONDS);
                    }
                    Integer status = r.answers.poll();
                    int code = status == null ? 200 : status;
                    byte[] answer = (code == 200 ? "ok" : "unavailable").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(code, answer.length);
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
    public WebhookReceiver holdFirst() {
        holdFirst = true;
        return this;
    }

    /** Where it listens, at {@code /hooks/alerts}. */
    public URI url() {
        return url("/hooks/alerts");
    }

    /** Where it listens, with a path that stands for a webhook's secret. */
    public URI url(String secretPath) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + secretPath);
    }

    /** Answers the next {@code times} requests with {@code status}. */
    public void alwaysAnswer(int status, int times) {
        for (int i = 0; i < times; i++) {
            answers.add(status);
        }
    }

    public List<Request> requests() {
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
