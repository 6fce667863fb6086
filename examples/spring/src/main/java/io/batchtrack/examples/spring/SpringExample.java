package io.batchtrack.examples.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Spring Boot application with batchtrack's starter and nothing batchtrack-specific in its code
 * but one annotation: Spring Boot runs the {@link WeeklyUpdateJob} at start (with the job parameters
 * given on the command line, else {@code season_year=2024 week=1 batch_mode=full}), the scheduler
 * calls {@link PredictionRefresh}, and both become rows of {@code batch_runs}, which it prints.
 *
 * <pre>{@code
 * java -jar examples/spring/target/batchtrack-spring-example.jar            # embedded PostgreSQL
 * java -jar ... --spring.datasource.url=jdbc:postgresql://db:5432/nfl season_year=2025 week=17
 * }</pre>
 */
@SpringBootApplication
@EnableScheduling
public class SpringExample {
    static final List<String> WEEK_1 = List.of("season_year=2024", "week=1", "batch_mode=full");

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        EmbeddedPostgres embedded = null;
        if (arguments.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="))
                && System.getenv("SPRING_DATASOURCE_URL") == null) {
            embedded = EmbeddedPostgres.builder().start(); // real PostgreSQL binaries from Maven
            arguments.add("--spring.datasource.url=" + embedded.getJdbcUrl("postgres", "postgres"));
            arguments.add("--spring.datasource.username=postgres");
        }
        try (ConfigurableApplicationContext application = start(arguments.toArray(String[]::new))) {
            JdbcTemplate sql = application.getBean(JdbcTemplate.class);
            awaitScheduledRun(sql, Duration.ofSeconds(60));
            RunsTable.print(sql, System.out);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The application; the weekly update's job parameters are {@link #WEEK_1} unless some are given. */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (all.stream().allMatch(a -> a.startsWith("--"))) {
            all.addAll(WEEK_1);
        }
        return SpringApplication.run(SpringExample.class, all.toArray(String[]::new));
    }

    /**
     * Waits until the scheduled method's first run has ended (its row is no longer running). The job
     * needs no wait: Spring Boot runs it before {@link #start} returns.
     */
    static void awaitScheduledRun(JdbcTemplate sql, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (sql.queryForObject("SELECT count(*) FROM batch_runs WHERE batch_type = 'prediction_generation'"
                + " AND status <> 'running'", Long.class) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no ended prediction_generation run within " + limit);
            }
            Thread.sleep(50); // between two looks at the table
        }
    }
}
