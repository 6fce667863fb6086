package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code batchtrack.jdbc.url} set: batchtrack opens a pool of its own, as its user (here another role
 * than the application's, with its password from {@code jdbc.password-file}), instead of using the
 * application's DataSource; its tables are that user's.
 */
@ExtendWith(PostgresExtension.class)
class OwnPoolTest {

    @Test
    void with_jdbc_url_batchtrack_records_through_its_own_pool(PostgresDatabase db, @TempDir Path dir) throws Exception {
        String password = "own-pool-password-0123";
        String role = db.createOwnerRole(password);
        Path passwordFile = Files.writeString(dir.resolve("password"), password + "\n");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off",
                        "spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "batchtrack.spool.dir=none",
                        "batchtrack.jdbc.url=" + db.jdbcUrl(), "batchtrack.jdbc.user=" + role,
                        "batchtrack.jdbc.password-file=" + passwordFile, "batchtrack.schema=tracking",
                        "batchtrack.on-store-failure=fail").run()) {
            assertThat(app.getBean(WeeklyUpdate.class).update()).isEqualTo("done");
        }

        try (Connection c = db.dataSource().getConnection();
                PreparedStatement owner = c.prepareStatement(
                        "SELECT tableowner FROM pg_tables WHERE schemaname = 'tracking' AND tablename = 'batch_runs'");
                ResultSet r = owner.executeQuery()) {
            assertThat(r.next()).as("tracking.batch_runs exists").isTrue();
            assertThat(r.getString(1)).as("made by batchtrack's own pool, as its user").isEqualTo(role);
        }
        try (Connection c = db.dataSource().getConnection();
                ResultSet r = c.createStatement().executeQuery(
                        "SELECT count(*) FROM tracking.batch_runs WHERE batch_type = 'weekly_update' AND status = 'success'")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(1);
        }
    }
}
