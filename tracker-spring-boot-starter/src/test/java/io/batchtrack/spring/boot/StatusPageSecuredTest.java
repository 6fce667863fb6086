package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.internal.JsonReader;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The System Status page and the seed's endpoints inside the application's own web server, under
 * {@code /batchtrack}, behind the application's Spring Security: no login, no page (401 for a program,
 * the login page for a browser); logged in, the page and the endpoints, whose links stay under the path.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"batchtrack.spool.dir=none", "spring.security.user.name=ops",
                "spring.security.user.password=" + StatusPageSecuredTest.PASSWORD})
class StatusPageSecuredTest {
    static final String PASSWORD = "a-test-password-of-the-ops-user";
    private static PostgresDatabase db;

    @LocalServerPort int port;
    @Autowired WeeklyUpdate weeklyUpdate;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void database(PostgresDatabase database) {
        db = database;
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        TestDataSource.register(registry, () -> db);
    }

    @Test
    void without_a_login_a_program_gets_401_and_a_browser_the_login_page() throws Exception {
        assertThat(send(request("/batchtrack/")).statusCode()).isEqualTo(401);
        assertThat(send(request("/batchtrack/api/admin/batch-runs/latest")).statusCode()).isEqualTo(401);

        HttpResponse<String> browser = send(request("/batchtrack/").header("Accept", "text/html"));
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void logged_in_the_page_is_served_with_links_under_the_path() throws Exception {
        weeklyUpdate.update();

        HttpResponse<String> page = send(loggedIn("/batchtrack/"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>System Status</title>").contains("weekly_update")
                .contains("href=\"api/admin/batch-runs/latest\"").doesNotContain("href=\"/api/");
        HttpResponse<String> bare = send(loggedIn("/batchtrack"));
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/batchtrack/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void logged_in_the_four_endpoints_answer_as_the_status_server_does() throws Exception {
        weeklyUpdate.update();
        String id = jdbc.queryForObject("SELECT id::text FROM batch_runs ORDER BY started_at DESC LIMIT 1",
                String.class);

        HttpResponse<String> latest = send(loggedIn("/batchtrack/api/admin/batch-runs/latest"));
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat((Map<String, Object>) JsonReader.parse(latest.body())).containsEntry("id", id)
                .containsEntry("batch_type", "weekly_update");

        HttpResponse<String> history = send(loggedIn("/batchtrack/api/admin/batch-runs/history?limit=5"));
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(id);

        assertThat(send(loggedIn("/batchtrack/api/admin/batch-runs/" + id)).body()).contains(id);
        HttpResponse<String> notAnId = send(loggedIn("/batchtrack/api/admin/batch-runs/not-an-id"));
        assertThat(notAnId.statusCode()).isEqualTo(400);

        int readiness = send(loggedIn("/batchtrack/api/admin/data-readiness/current")).statusCode();
        assertThat(readiness).as("a week without a data_readiness row is a 404, never a 500").isIn(200, 404);
        HttpResponse<String> badLimit = send(loggedIn("/batchtrack/api/admin/batch-runs/history?limit=0"));
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder loggedIn(String path) {
        String basic = Base64.getEncoder().encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return request(path).header("Authorization", "Basic " + basic);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
