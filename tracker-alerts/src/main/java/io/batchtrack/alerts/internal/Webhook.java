package io.batchtrack.alerts.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a body to the webhook with {@code java.net.http.HttpClient} (the JDK's TLS checks stay on;
 * redirects are not followed, so the body never goes where the URL does not say). Nothing it returns
 * or throws contains the URL: the URL is the channel's credential.
 */
public final class Webhook {
    /** The most of a receiver's answer kept, for {@code batchtrack alerts --test} and the attempts' error. */
    static final int MAX_ANSWER = 300;

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public Webhook(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * What the receiver answered.
     *
     * @param status the HTTP status, or null when there was no answer
     * @param body the start of the answer's body, or why there was no answer
     */
    public record Answer(Integer status, String body) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Posts {@code body} with {@code Idempotency-Key: key}; never throws for the receiver's faults. */
    public Answer post(String key, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", key)
                .header("User-Agent", "batchtrack-alerts")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String answer = response.body() == null ? "" : response.body();
            return new Answer(response.statusCode(), scrub(answer.length() > MAX_ANSWER
                    ? answer.substring(0, MAX_ANSWER) + "..." : answer));
        } catch (IOException | RuntimeException e) {
            return new Answer(null, scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage())));
        }
    }

    /** Removes the URL, and its path (the credential of a Slack webhook), from a text that may quote it. */
    String scrub(String text) {
        String s = text.replace(url.toString(), "<webhook>");
        String path = url.getRawPath();
        if (path != null && path.length() > 1) {
            s = s.replace(path, "/<webhook path>");
        }
        return s;
    }
}
