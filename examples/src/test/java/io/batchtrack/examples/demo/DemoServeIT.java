package io.batchtrack.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code java -jar batchtrack-demo.jar --serve 0}: after the sequence, the page of its runs is served at the URL printed. */
@ExtendWith(PostgresExtension.class)
class DemoServeIT {
    private static final Pattern URL = Pattern.compile("System Status page for .*: (http://\\S+)");

    @Test
    void withServeTheDemoKeepsRunningAndServesThePageOfItsRuns(PostgresDatabase db) throws Exception {
        Path demo = Path.of(System.getProperty("batchtrack.test.demo-jar"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", demo.toString(), "--jdbc-url", db.jdbcUrl(), "--jdbc-user", db.user(), "--serve", "0")
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("BATCHTRACK_") || k.equals("CI")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        if (!db.password().isEmpty()) {
            pb.environment().put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        Process p = pb.start();
        try {
            CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> firstUrl(p));
            URI page = URI.create(url.get(5, TimeUnit.MINUTES));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("weekly_update", "prediction_generation", "failed",
                    "odds API unavailable", "Skipped 6 players not in database");
            assertThat(p.isAlive()).as("still serving").isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String firstUrl(Process p) {
        // not closed here: the demo goes on writing while it serves, and drain() keeps reading
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            StringBuilder seen = new StringBuilder();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                seen.append(line).append('\n');
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    drain(r);
                    return m.group(1);
                }
            }
            throw new AssertionError("the demo ended without serving:\n" + seen);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Keeps reading so the served JVM never blocks on a full pipe. */
    private static void drain(BufferedReader r) {
        Thread t = new Thread(() -> {
            try {
                while (r.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process was stopped
            }
        }, "demo-serve-drain");
        t.setDaemon(true);
        t.start();
    }
}
