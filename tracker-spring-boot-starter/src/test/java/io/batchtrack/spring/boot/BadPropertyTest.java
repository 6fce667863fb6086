package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A {@code batchtrack.*} value that breaks its rule: under {@code on-store-failure=fail} the
 * application does not start, and what it throws names the key and the rule; under
 * {@code continue} (the default) it starts, its bean methods run as always, untracked, and no
 * batchtrack table is made.
 */
@ExtendWith(PostgresExtension.class)
class BadPropertyTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "max-warnings|-1|outside",
            "max-warnings|lots|lots",
            "heartbeat-interval|soon|soon",
            "schema|Bad-Name|[a-z_][a-z0-9_]{0,62}",
            "on-conflict|maybe|maybe"})
    void under_fail_the_application_does_not_start_and_says_which_key_and_rule(String key, String value,
            String rule, PostgresDatabase db) {
        Throwable thrown = catchThrowable(() -> start(db, "batchtrack.on-store-failure=fail",
                "batchtrack." + key + "=" + value).close());

        assertThat(thrown).as("the start fails").isNotNull();
        assertThat(messages(thrown)).as("the messages name the key and the rule")
                .anySatisfy(m -> assertThat(m).contains(key).contains(rule));
    }

    @Test
    void a_bad_on_store_failure_itself_stops_the_start(PostgresDatabase db) {
        Throwable thrown = catchThrowable(() -> start(db, "batchtrack.on-store-failure=sometimes").close());

        assertThat(messages(thrown)).anySatisfy(m -> assertThat(m).contains("on-store-failure").contains("sometimes"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {"max-warnings|-1", "max-warnings|lots", "heartbeat-interval|soon"})
    void under_continue_the_application_starts_untracked(String key, String value, PostgresDatabase db)
            throws SQLException {
        try (ConfigurableApplicationContext app = start(db, "batchtrack." + key + "=" + value)) {
            WeeklyUpdate update = app.getBean(WeeklyUpdate.class);
            assertThat(update.update()).isEqualTo("done");
            assertThat(update.bodies()).isEqualTo(1);
        }
        try (Connection c = db.dataSource().getConnection();
                ResultSet r = c.getMetaData().getTables(null, "public", "batch_runs", null)) {
            assertThat(r.next()).as("batchtrack made no table: it runs untracked").isFalse();
        }
    }

    private static ConfigurableApplicationContext start(PostgresDatabase db, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + db.jdbcUrl(),
                "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password(),
                "batchtrack.spool.dir=none", "spring.main.banner-mode=off"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new)).run();
    }

    private static List<String> messages(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
