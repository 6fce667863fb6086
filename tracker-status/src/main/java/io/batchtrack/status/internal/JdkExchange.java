package io.batchtrack.status.internal;

import com.sun.net.httpserver.HttpExchange;
import io.batchtrack.status.StatusExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The JDK HTTP server's exchange as a {@link StatusExchange}. */
final class JdkExchange implements StatusExchange {
    private final HttpExchange exchange;

    JdkExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod();
    }

    @Override
    public String path() {
        return exchange.getRequestURI().getPath();
    }

    @Override
    public String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    @Override
    public String requestHeader(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    public void responseHeader(String name, List<String> values) {
        exchange.getResponseHeaders().put(name, List.copyOf(values));
    }

    @Override
    public OutputStream respond(int status, long length) throws IOException {
        exchange.sendResponseHeaders(status, length);
        return exchange.getResponseBody();
    }
}
