package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.internal.JsonReader;
import io.batchtrack.micrometer.MicrometerRunListener;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
 * Over real HTTP, in an application with Actuator, Micrometer and Spring Security: the
 * {@code batchtrack} health indicator (store reachable, spool backlog, records lost) and the
 * {@code /actuator/batchtrack} endpoint (latest runs, readiness); each run also as meters in the
 * application's own {@code MeterRegistry}.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"batchtrack.spool.dir=none", "management.endpoints.web.exposure.include=health,batchtrack",
                "management.endpoint.health.show-details=always", "spring.security.user.name=ops",
                "spring.security.user.password=" + ActuatorTest.PASSWORD})
class ActuatorTest {
    static final String PASSWORD = "a-test-password-of-the-ops-user";
    private static PostgresDatabase db;

    @LocalServerPort int port;
    @Autowired WeeklyUpdate weeklyUpdate;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry registry;

    @BeforeAll
    static void database(PostgresDatabase database) {
        db = database;
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        TestDataSource.register(registry, () -> db);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_health_indicator_says_the_store_answers_and_nothing_waits_or_was_lost() throws Exception {
        HttpResponse<String> r = get("/actuator/health/batchtrack");

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> health = (Map<String, Object>) JsonReader.parse(r.body());
        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat(details).containsEntry("store_reachable", true).containsEntry("spool_pending", false)
                .containsKey("runs_lost").containsKey("runs_lost_by_kind");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_endpoint_lists_the_latest_runs_and_the_weeks_readiness() throws Exception {
        weeklyUpdate.update();
        String id = jdbc.queryForObject("SELECT id::text FROM batch_runs ORDER BY started_at DESC LIMIT 1",
                String.class);

        HttpResponse<String> r = get("/actuator/batchtrack");

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> answer = (Map<String, Object>) JsonReader.parse(r.body());
        assertThat(answer).containsKeys("current_week", "readiness", "spool_pending").doesNotContainKey("error");
        List<Map<String, Object>> runs = (List<Map<String, Object>>) answer.get("latest_runs");
        assertThat(runs).first().satisfies(run -> assertThat(run).containsEntry("id", id)
                .containsEntry("batch_type", "weekly_update").containsEntry("status", "success"));
    }

    @Test
    void actuator_stays_behind_the_applications_login() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/batchtrack")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void each_run_is_recorded_in_the_applications_meter_registry() {
        Timer before = timer();
        long count = before == null ? 0 : before.count();

        weeklyUpdate.update();

        assertThat(timer()).as("batchtrack.run{batch_type=weekly_update,status=success}").isNotNull();
        assertThat(timer().count()).isEqualTo(count + 1);
    }

    private Timer timer() {
        return registry.find(MicrometerRunListener.RUN).tag("batch_type", "weekly_update")
                .tag("batch_mode", "full").tag("status", "success").timer();
    }

    private HttpResponse<String> get(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }
}
