package io.batchtrack.status;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One request to the status resources and its answer, in whatever web server serves them: the JDK's
 * ({@link StatusServer}) or an application's own (a servlet, as the Spring Boot starter's). The web
 * server adapts its request to this; {@link StatusRequests#handle} reads the request and answers
 * through it, once.
 */
public interface StatusExchange {

    /** {@code GET}, {@code HEAD}, ... */
    String method();

    /**
     * The decoded path below where the status resources are mounted: {@code /} (the page),
     * {@code /api/admin/batch-runs/latest}, {@code /metrics}...
     */
    String path();

    /**
     * Where the status resources are mounted in the web server, as a client writes it: {@code ""} at
     * the root (the JDK server), else a path without the trailing slash ({@code /app/batchtrack}, the
     * servlet's context and servlet path). The JSON's links to runs ({@code detail}) start with it, so
     * a client following them reaches the run.
     */
    default String mountPath() {
        return "";
    }

    /** The query string as sent (still percent-encoded), or null. */
    String rawQuery();

    /** The first value of a request header, or null. */
    String requestHeader(String name);

    /** Sets a response header, replacing what it held; called before {@link #respond}. */
    void responseHeader(String name, List<String> values);

    /**
     * Sends the status line and headers and returns the body's stream; the caller closes it.
     *
     * @param length the body's length in bytes; 0 when unknown (written as it is made, chunked);
     *     -1 when there is no body (a {@code HEAD} request)
     */
    OutputStream respond(int status, long length) throws IOException;
}
