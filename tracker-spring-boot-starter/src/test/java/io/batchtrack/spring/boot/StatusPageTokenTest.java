package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without Spring Security (its auto-configuration left out), the status server's token rules guard the
 * page in the application's web server, under a path of the application's choosing: a configured token
 * ({@code status.token-file}) is required, as a bearer token or as HTTP Basic's password.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"batchtrack.spool.dir=none", "batchtrack.status.path=/ops/batches",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
class StatusPageTokenTest {
    private static final String TOKEN = "a-status-token-for-the-test-0123456789";
    private static PostgresDatabase db;
    private static Path tokenFile;

    @LocalServerPort int port;

    @BeforeAll
    static void database(PostgresDatabase database) throws IOException {
        db = database;
        tokenFile = Files.createTempFile("batchtrack-status-token", ".txt");
        Files.writeString(tokenFile, TOKEN + "\n");
        tokenFile.toFile().deleteOnExit();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDataSource.register(registry, () -> db);
        registry.add("batchtrack.status.token-file", () -> tokenFile.toString());
    }

    @Test
    void without_the_token_the_page_is_refused() throws Exception {
        HttpResponse<String> r = send(request("/ops/batches/"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).anySatisfy(c -> assertThat(c).startsWith("Bearer"));
        assertThat(send(request("/ops/batches/").header("Authorization", "Bearer not-the-token-at-all-000"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void with_the_token_the_page_and_the_endpoints_answer() throws Exception {
        HttpResponse<String> page = send(request("/ops/batches/").header("Authorization", "Bearer " + TOKEN));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>System Status</title>");

        HttpResponse<String> history = send(request("/ops/batches/api/admin/batch-runs/history")
                .header("Authorization", "Bearer " + TOKEN));
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(send(request("/batchtrack/").header("Authorization", "Bearer " + TOKEN)).statusCode())
                .as("only the configured path").isEqualTo(404);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
