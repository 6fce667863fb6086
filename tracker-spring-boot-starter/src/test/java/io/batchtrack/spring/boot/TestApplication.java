package io.batchtrack.spring.boot;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest Boot application: its DataSource and Flyway come from properties, batchtrack from the starter. */
@SpringBootApplication
public class TestApplication {
    @Bean
    WeeklyUpdate weeklyUpdate() {
        return new WeeklyUpdate();
    }
}
