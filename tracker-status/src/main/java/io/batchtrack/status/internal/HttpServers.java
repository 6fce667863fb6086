package io.batchtrack.status.internal;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/** What starting the JDK's HTTP server takes besides the handler: the address, daemon threads, the URI. */
public final class HttpServers {
    private HttpServers() {}

    /** @throws IllegalArgumentException naming the address if it cannot be resolved */
    public static InetAddress resolve(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException | SecurityException e) {
            throw new IllegalArgumentException("bind address '" + bind + "' cannot be resolved");
        }
    }

    /**
     * The JDK's dispatcher thread inherits the daemon flag of the thread that starts it, so the
     * server is started from a daemon thread (as Prometheus' simpleclient HTTPServer does).
     */
    public static void startAsDaemon(HttpServer server, int id) {
        FutureTask<Void> task = new FutureTask<>(server::start, null);
        Thread starter = new Thread(task, "batchtrack-status-start-" + id);
        starter.setDaemon(true);
        starter.start();
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IllegalStateException("interrupted while starting the status server", e);
        } catch (ExecutionException e) {
            server.stop(0);
            throw new IllegalStateException("the status server did not start", e.getCause());
        }
    }

    /** {@code http://host:port/}; a wildcard bind gives the loopback address. */
    public static URI uriOf(InetSocketAddress bound) {
        InetAddress a = bound.getAddress();
        String host = a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : a.getHostAddress();
        try {
            return new URI("http", null, host, bound.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks {@code supplier} until it answers, then keeps the answer. */
    public static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    v = Objects.requireNonNull(supplier.get(), "the status server's query supplier returned null");
                    value = v;
                }
                return v;
            }
        };
    }
}
