package io.batchtrack.spring.boot;

import io.batchtrack.status.StatusRequests;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The System Status page, the seed's endpoints and {@code /metrics} under {@code batchtrack.status.path}
 * of the application's own web server, answered by tracker-status ({@link StatusRequests}).
 *
 * <p>Behind the application's Spring Security, Spring has decided who gets here. Without it the status
 * server's rules apply: the bearer token when one is configured; without a token, only requests from
 * this machine (the JDK server listens on loopback for the same reason) whose {@code Host} is a loopback
 * name or one of {@code status.allowed-hosts}.
 */
final class StatusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient StatusRequests requests;
    private final boolean behindApplicationSecurity;

    StatusServlet(StatusRequests requests, boolean behindApplicationSecurity) {
        this.requests = requests;
        this.behindApplicationSecurity = behindApplicationSecurity;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() == null || request.getPathInfo().isEmpty()) {
            // the page's links are relative: it must be read at the mount point's own directory
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + "/" + (query == null ? "" : "?" + query));
            return;
        }
        if (!behindApplicationSecurity && !requests.tokenRequired() && !fromThisMachine(request.getRemoteAddr())) {
            byte[] body = ("{\"error\":\"forbidden\",\"message\":\"without Spring Security or a token"
                    + " (BATCHTRACK_STATUS_TOKEN or batchtrack.status.token-file) the batchtrack status page answers"
                    + " only requests from this machine\"}").getBytes(StandardCharsets.UTF_8);
            response.setStatus(403);
            response.setContentType("application/json; charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        requests.handle(new ServletStatusExchange(request, response));
    }

    private static boolean fromThisMachine(String remoteAddress) {
        try {
            return remoteAddress != null && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
