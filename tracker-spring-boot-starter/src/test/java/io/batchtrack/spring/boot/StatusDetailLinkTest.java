package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testing.Poll;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code detail} link of a run in the history's JSON points to the run under the page's mount
 * point (and the application's context path), not to the web server's root: a client following it
 * gets the run.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"batchtrack.spool.dir=none", "batchtrack.status.path=/ops/batches",
                "server.servlet.context-path=/app",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
class StatusDetailLinkTest {
    private static final Pattern DETAIL = Pattern.compile("\"detail\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static PostgresDatabase db;

    @LocalServerPort int port;
    @Autowired WeeklyUpdate weeklyUpdate;

    @BeforeAll
    static void database(PostgresDatabase database) {
        db = database;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDataSource.register(registry, () -> db);
    }

    @Test
    void the_detail_link_of_the_history_leads_to_the_run() throws Exception {
        weeklyUpdate.update();
        URI history = URI.create("http://localhost:" + port + "/app/ops/batches/api/admin/batch-runs/history");
        Poll.until(Duration.ofSeconds(10), () -> get(history).body().contains("\"detail\""), "the run in the history");

        String body = get(history).body();
        Matcher detail = DETAIL.matcher(body);
        Matcher id = ID.matcher(body);
        assertThat(detail.find()).as(body).isTrue();
        assertThat(id.find()).as(body).isTrue();
        assertThat(detail.group(1)).isEqualTo("/app/ops/batches/api/admin/batch-runs/" + id.group(1));

        HttpResponse<String> run = get(history.resolve(detail.group(1)));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(run.body()).contains("\"id\":\"" + id.group(1) + "\"", "\"batch_type\":\"weekly_update\"");
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
