package io.batchtrack.spring.boot;

import io.batchtrack.status.StatusExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A servlet request and response as tracker-status' {@link StatusExchange}; the path is the one below the mount. */
final class ServletStatusExchange implements StatusExchange {
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    ServletStatusExchange(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        String below = request.getPathInfo();
        return below == null || below.isEmpty() ? "/" : below;
    }

    /** The context path and the servlet's own path ({@code batchtrack.status.path}), as the client sent them. */
    @Override
    public String mountPath() {
        return request.getContextPath() + request.getServletPath();
    }

    @Override
    public String rawQuery() {
        return request.getQueryString();
    }

    @Override
    public String requestHeader(String name) {
        return request.getHeader(name);
    }

    @Override
    public void responseHeader(String name, List<String> values) {
        response.setHeader(name, null);
        for (String value : values) {
            response.addHeader(name, value);
        }
    }

    @Override
    public OutputStream respond(int status, long length) throws IOException {
        response.setStatus(status);
        if (length < 0) {
            return OutputStream.nullOutputStream();
        }
        if (length > 0) {
            response.setContentLengthLong(length);
        }
        return response.getOutputStream();
    }
}
