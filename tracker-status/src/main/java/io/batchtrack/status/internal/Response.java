package io.batchtrack.status.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One answer of {@link StatusHandler}: status, content type, and a body whole or written piece by piece. */
final class Response {
    static final String JSON = "application/json; charset=utf-8";

    /** A body written piece by piece under the cap. */
    @FunctionalInterface
    interface Body {
        void writeTo(CappedBody out) throws IOException;
    }

    final int status;
    final String contentType;
    final String body; // null when streamed
    final Body streamed;
    final Map<String, List<String>> headers = new LinkedHashMap<>();

    Response(int status, String contentType, String body) {
        this(status, contentType, body, null);
    }

    private Response(int status, String contentType, String body, Body streamed) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.streamed = streamed;
    }

    static Response json(int status, String body) {
        return new Response(status, JSON, body);
    }

    static Response streamed(int status, String contentType, Body body) {
        return new Response(status, contentType, null, body);
    }
}
