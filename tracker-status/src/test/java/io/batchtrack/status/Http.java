package io.batchtrack.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP requests to a status server, with bounded timeouts. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static HttpResponse<String> get(StatusServer server, String pathAndQuery, String... headers) {
        return send(server, "GET", pathAndQuery, headers);
    }

    /** @param headers name, value, name, value... */
    static HttpResponse<String> send(StatusServer server, String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request line that HttpClient would refuse to build; the first line of the answer. */
    static String rawStatusLine(StatusServer server, String requestLine) {
        return raw(server, requestLine + "\r\nHost: localhost").split("\r\n", 2)[0];
    }

    /**
     * Sends {@code head} (request line and headers, without the final blank line) as it is, with
     * {@code Connection: close}; the whole answer, headers and body. HttpClient would not send a
     * {@code Host} header of our choosing.
     */
    static String raw(StatusServer server, String head) {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI uri(StatusServer server, String pathAndQuery) {
        return server.uri().resolve(pathAndQuery);
    }
}
